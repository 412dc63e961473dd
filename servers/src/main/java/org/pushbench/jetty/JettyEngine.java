package org.pushbench.jetty;

import java.util.function.Function;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.transport.http.MessagesResource;
import org.pushbench.transport.http.RequestTarget;
import org.pushbench.transport.longpolling.LongPolling;
import org.pushbench.transport.polling.ShortPolling;
import org.pushbench.transport.sse.EventsRoute;
import org.pushbench.transport.sse.ReadThroughEvents;

/**
 * The Jetty engine: one thread pool, one scheduler and one buffer pool shared by its four servers (as the Netty
 * engine shares its event loops), so that the transports differ only in their handlers.
 */
public final class JettyEngine implements ServerFactory {

    private final Shared shared;

    public JettyEngine() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("jetty");
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("jetty-scheduler", false);
        LifeCycle.start(threads);
        LifeCycle.start(scheduler);
        shared = new Shared(threads, scheduler, new ArrayByteBufferPool());
    }

    @Override
    public Engine engine() {
        return Engine.JETTY;
    }

    @Override
    public ChatServer create(Transport transport, int port, MessageStore store, ServerConfig config) {
        TransportMetrics metrics = new TransportMetrics();
        return switch (transport) {
            case SHORT_POLLING -> polling(transport, port, config, metrics,
                    new MessagesResource(store, metrics, new ShortPolling(store, metrics, config), config));
            case LONG_POLLING -> polling(transport, port, config, metrics,
                    new MessagesResource(store, metrics, new LongPolling(store, metrics, config), config));
            case WEBSOCKET -> webSocket(port, config, metrics,
                    target -> new RoomStreamEndpoint(store, metrics, target, shared.scheduler(), config));
            case SSE -> events(port, store, config, metrics);
        };
    }

    private ChatServer polling(Transport transport, int port, ServerConfig config, TransportMetrics metrics,
            MessagesResource resource) {
        return new JettyChatServer(transport, shared, port, config, metrics,
                server -> new HttpChatHandler(resource, config, shared));
    }

    private ChatServer events(int port, MessageStore store, ServerConfig config, TransportMetrics metrics) {
        MessagesResource posts = new MessagesResource(store, metrics, new ReadThroughEvents(), config);
        return new JettyChatServer(Transport.SSE, shared, port, config, metrics,
                server -> new EventStreamHandler(new EventsRoute(metrics, config), store, metrics, config, shared,
                        new HttpChatHandler(posts, config, shared)));
    }

    /** A WebSocket server whose connections end in the given endpoints (Jetty WebSocket listeners). */
    ChatServer webSocket(int port, ServerConfig config, TransportMetrics metrics,
            Function<RequestTarget, Object> endpoints) {
        return new JettyChatServer(Transport.WEBSOCKET, shared, port, config, metrics,
                server -> WebSocketHandlers.of(server, config, endpoints));
    }

    @Override
    public void close() {
        LifeCycle.stop(shared.scheduler());
        LifeCycle.stop(shared.threads());
    }

    /** The engine's shared threads and buffers, handed to each server. */
    public record Shared(QueuedThreadPool threads, Scheduler scheduler, ByteBufferPool buffers) {
    }
}
