package org.pushbench.jetty;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

import org.pushbench.jetty.longpolling.LongPollingServer;
import org.pushbench.jetty.shortpolling.ShortPollingServer;
import org.pushbench.jetty.websocket.WebSocketServer;
import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.store.MessageStore;

/**
 * The Jetty engine: one thread pool, one scheduler and one buffer pool shared by its three servers (as the Netty
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
        return switch (transport) {
            case SHORT_POLLING -> new ShortPollingServer(shared, port, store, config);
            case LONG_POLLING -> new LongPollingServer(shared, port, store, config);
            case WEBSOCKET -> new WebSocketServer(shared, port, store, config);
        };
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
