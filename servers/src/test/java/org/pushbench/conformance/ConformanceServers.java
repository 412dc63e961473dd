package org.pushbench.conformance;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.store.InMemoryMessageStore;

/**
 * The four servers of one engine on one shared store, on ports the OS chose, with small limits so that every
 * limit can be reached quickly by a test.
 */
final class ConformanceServers implements AutoCloseable {

    /** The engines the suite runs against. */
    static final List<Engine> ENGINES = List.of(Engine.NETTY, Engine.JETTY);

    static final int MAX_MESSAGE_BYTES = 4096;
    static final int RETENTION = 16;
    static final Duration PING_INTERVAL = Duration.ofMillis(700);
    static final Duration PONG_TIMEOUT = Duration.ofMillis(700);
    static final Duration MAX_WAIT = Duration.ofMillis(1500);
    static final Duration EVENT_RETRY = Duration.ofMillis(1500);
    static final Duration EVENT_KEEPALIVE = Duration.ofMillis(700);

    /** The one browser origin besides a server's own that the servers allow. */
    static final String ALLOWED_ORIGIN = "http://allowed.example";

    static final ServerConfig CONFIG = ServerConfig.defaults()
            .withAllowedOrigins(Set.of(ALLOWED_ORIGIN))
            .withMaxMessageBytes(MAX_MESSAGE_BYTES)
            .withWaits(Duration.ofSeconds(1), MAX_WAIT)
            .withPing(PING_INTERVAL, PONG_TIMEOUT)
            .withEvents(EVENT_RETRY, EVENT_KEEPALIVE);

    private static final AtomicInteger ROOMS = new AtomicInteger();
    private static final Map<Engine, ConformanceServers> RUNNING = new EnumMap<>(Engine.class);

    /** The running servers of an engine, started on first use and shared by the test classes until {@link #closeAll}. */
    static synchronized ConformanceServers of(Engine engine) throws Exception {
        ConformanceServers s = RUNNING.get(engine);
        if (s == null) {
            s = new ConformanceServers(engine);
            RUNNING.put(engine, s);
        }
        return s;
    }

    static synchronized void closeAll() {
        RUNNING.values().forEach(ConformanceServers::close);
        RUNNING.clear();
    }

    final Engine engine;
    final InMemoryMessageStore store = new InMemoryMessageStore(RETENTION, 1024);
    private final ServerFactory factory;
    private final Map<Transport, ChatServer> servers = new EnumMap<>(Transport.class);

    ConformanceServers(Engine engine) throws Exception {
        this.engine = engine;
        this.factory = engine.newFactory();
        for (Transport t : Transport.values()) {
            ChatServer server = factory.create(t, 0, store, CONFIG);
            server.start();
            servers.put(t, server);
        }
    }

    ChatServer server(Transport t) {
        return servers.get(t);
    }

    int port(Transport t) {
        return servers.get(t).port();
    }

    /** A room no other test has used, so tests never see each other's messages. */
    static String freshRoom() {
        return "room-" + ROOMS.incrementAndGet();
    }

    @Override
    public void close() {
        servers.values().forEach(ChatServer::close);
        factory.close();
    }
}
