package org.pushbench.netty.longpolling;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

import org.pushbench.netty.ConnectionGate;
import org.pushbench.netty.NettyChatServer;
import org.pushbench.netty.NettyEngine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.store.MessageStore;

/** Long polling on Netty: a GET with nothing new is held, without a thread, until a message or its timeout. */
public final class LongPollingServer extends NettyChatServer {

    public LongPollingServer(NettyEngine.EventLoops loops, int port, MessageStore store, ServerConfig config) {
        super(Transport.LONG_POLLING, loops, port, store, config);
    }

    @Override
    protected ChannelInitializer<SocketChannel> initializer(ConnectionGate gate) {
        return new LongPollingInitializer(store, config, metrics, gate);
    }
}
