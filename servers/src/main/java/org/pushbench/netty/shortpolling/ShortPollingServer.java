package org.pushbench.netty.shortpolling;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

import org.pushbench.netty.ConnectionGate;
import org.pushbench.netty.NettyChatServer;
import org.pushbench.netty.NettyEngine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.store.MessageStore;

/** Short polling on Netty: every GET is answered at once, with whatever is new or with {@code []}. */
public final class ShortPollingServer extends NettyChatServer {

    public ShortPollingServer(NettyEngine.EventLoops loops, int port, MessageStore store, ServerConfig config) {
        super(Transport.SHORT_POLLING, loops, port, store, config);
    }

    @Override
    protected ChannelInitializer<SocketChannel> initializer(ConnectionGate gate) {
        return new ShortPollingInitializer(store, config, metrics, gate);
    }
}
