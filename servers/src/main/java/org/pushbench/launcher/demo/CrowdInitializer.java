package org.pushbench.launcher.demo;

import java.net.URI;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import org.pushbench.server.Transport;

/** Builds the pipeline of one crowd member of a transport, with Netty's HTTP and WebSocket client codecs. */
final class CrowdInitializer extends ChannelInitializer<SocketChannel> {

    /** What a member asks the long-polling server to hold its request for. */
    static final long LONG_POLL_WAIT_MILLIS = 30_000;
    /** The short pollers' interval. */
    static final long SHORT_POLL_INTERVAL_MILLIS = 1000;

    private static final int MAX_RESPONSE_BYTES = 8 << 20;

    private final Transport transport;
    private final String host;
    private final String room;
    private final long after;

    CrowdInitializer(Transport transport, String host, String room, long after) {
        this.transport = transport;
        this.host = host;
        this.room = room;
        this.after = after;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        var pipeline = ch.pipeline();
        pipeline.addLast(new HttpClientCodec());
        if (transport != Transport.SSE) {
            pipeline.addLast(new HttpObjectAggregator(MAX_RESPONSE_BYTES));
        }
        switch (transport) {
            case SHORT_POLLING -> pipeline.addLast(
                    new CrowdPollerHandler(host, room, after, SHORT_POLL_INTERVAL_MILLIS, -1));
            case LONG_POLLING -> pipeline.addLast(
                    new CrowdPollerHandler(host, room, after, 0, LONG_POLL_WAIT_MILLIS));
            case WEBSOCKET -> pipeline.addLast(
                    new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                            .webSocketUri(URI.create("ws://" + host + "/rooms/" + room + "/ws?after=" + after))
                            .version(WebSocketVersion.V13)
                            .allowExtensions(false)
                            .generateOriginHeader(false)
                            .maxFramePayloadLength(MAX_RESPONSE_BYTES)
                            .build()),
                    new CrowdWebSocketHandler());
            case SSE -> pipeline.addLast(new CrowdEventStreamHandler(host, room, after));
        }
    }
}
