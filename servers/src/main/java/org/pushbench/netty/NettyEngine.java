package org.pushbench.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import org.pushbench.netty.longpolling.LongPollingServer;
import org.pushbench.netty.shortpolling.ShortPollingServer;
import org.pushbench.netty.websocket.WebSocketServer;
import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.store.MessageStore;

/**
 * The Netty engine: one acceptor thread and one pool of event loops (NIO, two per core, Netty's default) shared
 * by its three servers, so that the transports differ in nothing but their pipelines.
 */
public final class NettyEngine implements ServerFactory {

    private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());

    @Override
    public Engine engine() {
        return Engine.NETTY;
    }

    @Override
    public ChatServer create(Transport transport, int port, MessageStore store, ServerConfig config) {
        EventLoops loops = new EventLoops(acceptor, workers);
        return switch (transport) {
            case SHORT_POLLING -> new ShortPollingServer(loops, port, store, config);
            case LONG_POLLING -> new LongPollingServer(loops, port, store, config);
            case WEBSOCKET -> new WebSocketServer(loops, port, store, config);
        };
    }

    @Override
    public void close() {
        acceptor.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The engine's shared threads, handed to each server. */
    public record EventLoops(EventLoopGroup acceptor, EventLoopGroup workers) {
    }
}
