package org.pushbench.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.transport.http.MessagesResource;
import org.pushbench.transport.longpolling.LongPolling;
import org.pushbench.transport.polling.ShortPolling;

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
        TransportMetrics metrics = new TransportMetrics();
        NettyChatServer.Pipeline pipeline = switch (transport) {
            case SHORT_POLLING -> polling(new MessagesResource(store, metrics, new ShortPolling(store, metrics),
                    config), config, metrics);
            case LONG_POLLING -> polling(new MessagesResource(store, metrics,
                    new LongPolling(store, metrics, config), config), config, metrics);
            case WEBSOCKET -> gate -> new WebSocketInitializer(store, config, metrics, gate);
        };
        return new NettyChatServer(transport, loops, port, config, metrics, pipeline);
    }

    private static NettyChatServer.Pipeline polling(MessagesResource resource, ServerConfig config,
            TransportMetrics metrics) {
        return gate -> new HttpChatInitializer(resource, config, metrics, gate);
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
