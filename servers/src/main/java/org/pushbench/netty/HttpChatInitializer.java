package org.pushbench.netty;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.transport.http.MessagesResource;

/** A polling server's pipeline: the shared HTTP front (HTTP/1.1 or, per stream, HTTP/2), then the core's resource behind {@link HttpChatHandler}. */
final class HttpChatInitializer extends ChannelInitializer<SocketChannel> {

    private final MessagesResource resource;
    private final ServerConfig config;
    private final TransportMetrics metrics;
    private final ConnectionGate gate;

    HttpChatInitializer(MessagesResource resource, ServerConfig config, TransportMetrics metrics, ConnectionGate gate) {
        this.resource = resource;
        this.config = config;
        this.metrics = metrics;
        this.gate = gate;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        HttpFront.connection(channel.pipeline(), metrics, gate, config).addLast("protocol", new Http2Front(config,
                pipeline -> pipeline.addLast("messages", new HttpChatHandler(resource))));
    }
}
