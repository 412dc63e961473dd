package org.pushbench.netty.longpolling;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

import org.pushbench.netty.ConnectionGate;
import org.pushbench.netty.PollingPipeline;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;

/** The long-polling pipeline: the shared polling front, then {@link LongPollingHandler}. */
final class LongPollingInitializer extends ChannelInitializer<SocketChannel> {

    private final MessageStore store;
    private final ServerConfig config;
    private final TransportMetrics metrics;
    private final ConnectionGate gate;

    LongPollingInitializer(MessageStore store, ServerConfig config, TransportMetrics metrics, ConnectionGate gate) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.gate = gate;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        PollingPipeline.pollingFront(channel.pipeline(), metrics, gate, config)
                .addLast("long-polling", new LongPollingHandler(store, metrics, config));
    }
}
