package org.pushbench.jetty;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import org.pushbench.server.ServerConfig;
import org.pushbench.transport.http.RequestTarget;

/**
 * The WebSocket server's handlers: {@link UpgradeRequestHandler} checks the request, Jetty's
 * {@link WebSocketUpgradeHandler} does the RFC 6455 handshake and framing (answering close frames, closing with
 * 1002, 1007 and 1009 on protocol violations, invalid UTF-8 and oversize messages), and one
 * {@link RoomStreamEndpoint} per connection streams the room (in the conformance suite's server, an echo, so that
 * it tests exactly these handlers and limits).
 */
final class WebSocketHandlers {

    /**
     * Jetty holds outgoing frames to the incoming frame limit too: leave room for what a delivered message adds to
     * the sent one (its id and room, under 100 bytes), or a message sent at the size limit could not be delivered.
     */
    private static final int DELIVERY_ENVELOPE_BYTES = 256;

    private WebSocketHandlers() {
    }

    /** @param endpoints the endpoint (a Jetty WebSocket listener) of one accepted upgrade to the given target */
    static Handler of(Server server, ServerConfig config, Function<RequestTarget, Object> endpoints) {
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(config.maxMessageBytes());
            container.setMaxBinaryMessageSize(config.maxMessageBytes());
            container.setMaxFrameSize(config.maxMessageBytes() + DELIVERY_ENVELOPE_BYTES);
            // One frame per message, as Netty sends them, so frame bytes stay comparable.
            container.setAutoFragment(false);
            // No idle timeout: the keep-alive pings decide when a silent peer is gone.
            container.setIdleTimeout(Duration.ZERO);
            container.addMapping("uri-template|/rooms/{room}/ws", (request, response, callback) -> {
                // No compression: frame bytes stay comparable.
                response.setExtensions(List.of());
                RequestTarget target = (RequestTarget) request.getAttribute(UpgradeRequestHandler.TARGET);
                return endpoints.apply(target);
            });
        });
        return new UpgradeRequestHandler(config, upgrade);
    }
}
