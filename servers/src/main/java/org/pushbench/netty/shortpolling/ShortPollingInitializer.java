package org.pushbench.netty.shortpolling;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

import org.pushbench.netty.ConnectionGate;
import org.pushbench.netty.PollingPipeline;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;

/** The short-polling pipeline: the shared polling front, then {@link ShortPollingHandler}. */
final class ShortPollingInitializer extends ChannelInitializer<SocketChannel> {

    private final MessageStore store;
    private final ServerConfig config;
    private final TransportMetrics metrics;
    private final ConnectionGate gate;

    ShortPollingInitializer(MessageStore store, ServerConfig config, TransportMetrics metrics, ConnectionGate gate) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.gate = gate;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        PollingPipeline.pollingFront(channel.pipeline(), metrics, gate, config)
                .addLast("short-polling", new ShortPollingHandler(store, metrics));
    }
}
