package org.pushbench.jetty.websocket;

import java.time.Duration;
import java.util.List;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import org.pushbench.jetty.JettyChatServer;
import org.pushbench.jetty.JettyEngine;
import org.pushbench.protocol.ChatRoute;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.store.MessageStore;

/**
 * WebSocket on Jetty: {@link UpgradeRequestHandler} checks the request, Jetty's {@link WebSocketUpgradeHandler}
 * does the RFC 6455 handshake and framing (answering close frames, closing with 1002, 1007 and 1009 on protocol
 * violations, invalid UTF-8 and oversize messages), and one {@link RoomStreamEndpoint} per connection streams the
 * room.
 */
public final class WebSocketServer extends JettyChatServer {

    /**
     * Jetty holds outgoing frames to the incoming frame limit too: leave room for what a delivered message adds to
     * the sent one (its id and room, under 100 bytes), or a message sent at the size limit could not be delivered.
     */
    private static final int DELIVERY_ENVELOPE_BYTES = 256;

    public WebSocketServer(JettyEngine.Shared shared, int port, MessageStore store, ServerConfig config) {
        super(Transport.WEBSOCKET, shared, port, store, config);
    }

    @Override
    protected Handler handler(Server server) {
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
                ChatRoute route = (ChatRoute) request.getAttribute(UpgradeRequestHandler.ROUTE);
                return new RoomStreamEndpoint(store, metrics, route, shared.scheduler(), config);
            });
        });
        return new UpgradeRequestHandler(config, upgrade);
    }
}
