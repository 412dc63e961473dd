package org.pushbench.netty;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;

/**
 * The WebSocket pipeline: the shared HTTP front for the upgrade request, our route and Origin checks, Netty's
 * RFC 6455 handshake and frame codec (it answers pings and close frames, and closes with 1002, 1007 or 1009 on
 * protocol violations, invalid UTF-8 and oversize frames), message reassembly, then the room stream.
 */
final class WebSocketInitializer extends ChannelInitializer<SocketChannel> {

    private final MessageStore store;
    private final ServerConfig config;
    private final TransportMetrics metrics;
    private final ConnectionGate gate;

    WebSocketInitializer(MessageStore store, ServerConfig config, TransportMetrics metrics, ConnectionGate gate) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.gate = gate;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        WebSocketDecoderConfig frames = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(config.maxMessageBytes())
                .expectMaskedFrames(true)
                .allowMaskMismatch(false)
                .allowExtensions(false)
                .closeOnProtocolViolation(true)
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
                .addLast("room", new RoomStreamHandler(store, metrics));
    }
}
