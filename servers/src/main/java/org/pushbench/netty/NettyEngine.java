package org.pushbench.netty;

import java.util.function.Supplier;

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
import org.pushbench.transport.sse.EventsRoute;
import org.pushbench.transport.sse.ReadThroughEvents;

/**
 * The Netty engine: one acceptor thread and one pool of event loops (NIO, two per core, Netty's default) shared
 * by its four servers, so that the transports differ in nothing but their pipelines.
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
        TransportMetrics metrics = new TransportMetrics();
        return switch (transport) {
            case SHORT_POLLING -> polling(transport, port, config, metrics,
                    new MessagesResource(store, metrics, new ShortPolling(store, metrics, config), config));
            case LONG_POLLING -> polling(transport, port, config, metrics,
                    new MessagesResource(store, metrics, new LongPolling(store, metrics, config), config));
            case WEBSOCKET -> webSocket(port, config, metrics, () -> new RoomStreamHandler(store, metrics));
            case SSE -> events(port, store, config, metrics);
        };
    }

    /** A WebSocket server whose connections end in {@code member}'s handlers. */
    ChatServer webSocket(int port, ServerConfig config, TransportMetrics metrics,
            Supplier<WebSocketMemberHandler> member) {
        return new NettyChatServer(Transport.WEBSOCKET, new EventLoops(acceptor, workers), port, config, metrics,
                gate -> new WebSocketInitializer(config, metrics, gate, member));
    }

    private ChatServer polling(Transport transport, int port, ServerConfig config, TransportMetrics metrics,
            MessagesResource resource) {
        return new NettyChatServer(transport, new EventLoops(acceptor, workers), port, config, metrics,
                gate -> new HttpChatInitializer(resource, config, metrics, gate));
    }

    private ChatServer events(int port, MessageStore store, ServerConfig config, TransportMetrics metrics) {
        EventsRoute route = new EventsRoute(metrics, config);
        MessagesResource posts = new MessagesResource(store, metrics, new ReadThroughEvents(), config);
        return new NettyChatServer(Transport.SSE, new EventLoops(acceptor, workers), port, config, metrics,
                gate -> new EventStreamInitializer(route, posts, store, config, metrics, gate));
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
