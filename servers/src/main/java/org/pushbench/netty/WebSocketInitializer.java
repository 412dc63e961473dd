package org.pushbench.netty;

import java.util.function.Supplier;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;

/**
 * The WebSocket pipeline: the shared HTTP front for the upgrade request, our route and Origin checks, Netty's
 * RFC 6455 handshake and frame codec (it answers pings and close frames, and finds protocol violations, invalid
 * UTF-8 and oversize frames, which the member's handler closes with 1002, 1007 or 1009), message reassembly, then the member's handler: the
 * room stream on a chat server, an echo in the conformance suite's (so it tests exactly this pipeline).
 */
final class WebSocketInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerConfig config;
    private final TransportMetrics metrics;
    private final ConnectionGate gate;
    private final Supplier<WebSocketMemberHandler> member;

    WebSocketInitializer(ServerConfig config, TransportMetrics metrics, ConnectionGate gate,
            Supplier<WebSocketMemberHandler> member) {
        this.config = config;
        this.metrics = metrics;
        this.gate = gate;
        this.member = member;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        WebSocketDecoderConfig frames = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(config.maxMessageBytes())
                .expectMaskedFrames(true)
                .allowMaskMismatch(false)
                .allowExtensions(false)
                // The codec's own close frame would bypass the protocol handler, which then sends a second one
                // (1000) as it closes; the member's handler sends the violation's code through it instead.
                .closeOnProtocolViolation(false)
                .withUTF8Validator(true)
                .build();
        WebSocketServerProtocolConfig protocol = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/rooms")
                .checkStartsWith(true)
                .allowExtensions(false)
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .decoderConfig(frames)
                .build();
        HttpFront.front(channel.pipeline(), metrics, gate, config)
                .addLast("keepalive", new KeepAliveHandler(config.pingInterval(), config.pongTimeout()))
                .addLast("upgrade", new UpgradeRequestHandler(config))
                .addLast("websocket", new WebSocketServerProtocolHandler(protocol))
                .addLast("messages", new WebSocketFrameAggregator(config.maxMessageBytes()))
                .addLast("member", member.get());
    }
}
