package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.Eventually.eventually;
import static org.pushbench.conformance.RawHttp.get;
import static org.pushbench.conformance.RawHttp.message;
import static org.pushbench.conformance.RawHttp.post;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.InMemoryMessageStore;

/**
 * Clients that vanish, dawdle, flood or refuse to read: the servers must release what such a client held, keep
 * serving everyone else, and never let one client grow their memory or threads without bound.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultToleranceTest {

    static final List<Engine> ENGINES = ConformanceServers.ENGINES;
    static final int MAX_CONNECTIONS = 40;
    static final Duration IDLE_TIMEOUT = Duration.ofMillis(800);

    private final InMemoryMessageStore store = new InMemoryMessageStore(64, 64);
    private final Map<Transport, ChatServer> servers = new EnumMap<>(Transport.class);
    private ServerFactory factory;

    static final ServerConfig CONFIG = ServerConfig.defaults()
            .withMaxMessageBytes(64 * 1024)
            .withIdleTimeout(IDLE_TIMEOUT)
            .withPing(Duration.ofMillis(500), Duration.ofMillis(500))
            .withMaxConnections(MAX_CONNECTIONS);

    private void start(Engine engine) throws Exception {
        start(engine, CONFIG);
    }

    private void start(Engine engine, ServerConfig config) throws Exception {
        factory = engine.newFactory();
        for (Transport t : Transport.values()) {
            ChatServer server = factory.create(t, 0, store, config);
            server.start();
            servers.put(t, server);
        }
    }

    @AfterEach
    void stop() {
        servers.values().forEach(ChatServer::close);
        if (factory != null) {
            factory.close();
        }
    }

    private int port(Transport t) {
        return servers.get(t).port();
    }

    private TransportMetrics metrics(Transport t) {
        return servers.get(t).metrics();
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aResetConnectionReleasesItsHeldPoll(Engine engine) throws Exception {
        start(engine);
        Socket socket = new Socket("127.0.0.1", port(Transport.LONG_POLLING));
        socket.getOutputStream().write(get("/rooms/r/messages?after=0&wait=20000").getBytes(StandardCharsets.US_ASCII));
        eventually("held", Duration.ofSeconds(5), () -> metrics(Transport.LONG_POLLING).heldRequests() == 1);
        socket.setSoLinger(true, 0);
        socket.close();
        eventually("released after the reset", Duration.ofSeconds(5),
                () -> metrics(Transport.LONG_POLLING).heldRequests() == 0 && store.subscriberCount() == 0
                        && metrics(Transport.LONG_POLLING).openConnections() == 0);
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void idleAndDribblingHttpConnectionsAreClosed(Engine engine) throws Exception {
        start(engine);
        for (Transport t : Transport.values()) {
            try (RawHttp silent = new RawHttp(port(t))) {
                assertTrue(silent.closedByServer(10_000), t + ": a connection that sends nothing is closed");
            }
            try (Socket slowloris = new Socket("127.0.0.1", port(t))) {
                slowloris.setSoTimeout(50);
                byte[] request = ("GET /rooms/r/messages?after=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                        + "a".repeat(400) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                boolean closed = false;
                for (int i = 0; i < request.length - 2 && !closed && System.nanoTime() < deadline; i++) {
                    try {
                        slowloris.getOutputStream().write(request[i]);
                        closed = readsEof(slowloris.getInputStream());
                    } catch (IOException e) {
                        closed = true;
                    }
                }
                assertTrue(closed, t + ": headers dribbled a byte at a time must not hold a connection for ever");
            }
        }
        for (Transport t : Transport.values()) {
            eventually(t + " connections back to 0", Duration.ofSeconds(5), () -> metrics(t).openConnections() == 0);
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void malformedRequestLinesAndOversizeHeadersAreRefused(Engine engine) throws Exception {
        start(engine);
        for (Transport t : Transport.values()) {
            try (RawHttp http = new RawHttp(port(t))) {
                int status = http.exchange("NOT A REQUEST LINE AT ALL\r\n\r\n").status();
                assertEquals(400, status, t + ": malformed request line");
            }
            try (RawHttp http = new RawHttp(port(t))) {
                String huge = "GET /rooms/r/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(20_000)
                        + "\r\n\r\n";
                int status = http.exchange(huge).status();
                assertTrue(status == 431 || status == 400, t + ": oversize headers got " + status);
            }
        }
        assertEquals(0, store.roomCount());
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aWebSocketReaderThatStopsReadingIsClosedAndOthersKeepReceiving(Engine engine) throws Exception {
        // Pings far apart: the stalled client must be dropped for not reading, not for not answering a ping.
        start(engine, CONFIG.withPing(Duration.ofSeconds(60), Duration.ofSeconds(60)));
        String room = "slow";
        int messages = 600;
        String text = "z".repeat(60 * 1024);
        try (RawWebSocket stalled = RawWebSocket.open(port(Transport.WEBSOCKET), "/rooms/" + room + "/ws");
                RawWebSocket reader = RawWebSocket.open(port(Transport.WEBSOCKET), "/rooms/" + room + "/ws")) {
            eventually("both subscribed", Duration.ofSeconds(5), () -> store.subscriberCount(room) == 2);
            // Paced (about 12 MB/s) so that a member that does read keeps up; the stalled one cannot.
            Thread appender = new Thread(() -> {
                for (int i = 0; i < messages; i++) {
                    store.append(room, "flood", text, (long) i);
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                }
            });
            appender.start();
            int received = 0;
            while (received < messages) {
                RawWebSocket.Frame f = reader.next();
                if (f.opcode() != RawWebSocket.TEXT) {
                    break;
                }
                received++;
            }
            appender.join();
            assertEquals(messages, received, "the reading member got every message");
            eventually("the stalled member is dropped", Duration.ofSeconds(20),
                    () -> store.subscriberCount(room) == 1 && metrics(Transport.WEBSOCKET).openConnections() == 1);
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aResetEventStreamReleasesItsSubscriptionAndALiveOneOutlivesTheIdleTimeout(Engine engine)
            throws Exception {
        start(engine);
        String room = "sse-reset";
        try (RawEventStream kept = RawEventStream.open(port(Transport.SSE), "/rooms/" + room + "/events")) {
            RawEventStream vanishing = RawEventStream.open(port(Transport.SSE), "/rooms/" + room + "/events");
            eventually("both subscribed", Duration.ofSeconds(5), () -> store.subscriberCount(room) == 2);
            vanishing.reset();
            eventually("released after the reset", Duration.ofSeconds(5),
                    () -> store.subscriberCount(room) == 1 && metrics(Transport.SSE).openConnections() == 1);
            // A stream is one request answered for ever: the request deadline never cuts it.
            Thread.sleep(2 * IDLE_TIMEOUT.toMillis());
            store.append(room, "a", "still there", 1L);
            assertEquals("retry: 3000\n\n", kept.nextChunk());
            assertTrue(kept.nextEvent().startsWith("id: 1\ndata: "), "the stream outlived the idle timeout");
        }
        eventually("nothing left", Duration.ofSeconds(5),
                () -> store.subscriberCount(room) == 0 && metrics(Transport.SSE).openConnections() == 0);
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void anEventStreamReaderThatStopsReadingIsClosedAndOthersKeepReceiving(Engine engine) throws Exception {
        start(engine);
        String room = "sse-slow";
        int messages = 600;
        String text = "z".repeat(60 * 1024);
        try (RawEventStream stalled = RawEventStream.open(port(Transport.SSE), "/rooms/" + room + "/events");
                RawEventStream reader = RawEventStream.open(port(Transport.SSE), "/rooms/" + room + "/events")) {
            eventually("both subscribed", Duration.ofSeconds(5), () -> store.subscriberCount(room) == 2);
            Thread appender = new Thread(() -> {
                for (int i = 0; i < messages; i++) {
                    store.append(room, "flood", text, (long) i);
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                }
            });
            appender.start();
            reader.nextChunk();
            int received = 0;
            while (received < messages && reader.nextEvent() != null) {
                received++;
            }
            appender.join();
            assertEquals(messages, received, "the reading member got every message");
            eventually("the stalled member is dropped", Duration.ofSeconds(20),
                    () -> store.subscriberCount(room) == 1 && metrics(Transport.SSE).openConnections() == 1);
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void connectionsBeyondTheMaximumAreRefusedAndTheOthersKeepWorking(Engine engine) throws Exception {
        // No idle closes while the test walks its 40 connections: on a busy machine that outlasts 800 ms, and a
        // connection closed for idleness would free a slot for the one that must be refused.
        start(engine, CONFIG.withIdleTimeout(Duration.ofSeconds(30)));
        List<RawHttp> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                RawHttp http = new RawHttp(port(Transport.SHORT_POLLING));
                admitted.add(http);
                assertEquals(200, http.exchange(get("/rooms/full/messages?after=0")).status());
            }
            try (RawHttp refused = new RawHttp(port(Transport.SHORT_POLLING))) {
                boolean turnedAway;
                try {
                    turnedAway = refused.exchange(get("/rooms/full/messages?after=0")).status() == 503;
                } catch (IOException closed) {
                    turnedAway = true;
                }
                assertTrue(turnedAway, "connection " + (MAX_CONNECTIONS + 1) + " is refused");
            }
            assertTrue(metrics(Transport.SHORT_POLLING).snapshot().connectionsRefused() >= 1);
            for (RawHttp http : admitted) {
                assertEquals(201, http.exchange(post("/rooms/full/messages", message("a", "still", 1))).status());
            }
        } finally {
            for (RawHttp http : admitted) {
                http.close();
            }
        }
        assertEquals(MAX_CONNECTIONS, store.lastId("full"));
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void randomAndMutatedBytesLeaveEveryServerServing(Engine engine) throws Exception {
        start(engine);
        long seed = System.nanoTime();
        Fuzzer fuzzer = new Fuzzer(seed);
        for (Transport t : Transport.values()) {
            fuzzer.run(port(t), Duration.ofMillis(1500));
        }
        for (Transport t : Transport.values()) {
            eventually(t + " connections back to 0 after fuzzing (seed " + seed + ")", Duration.ofSeconds(10),
                    () -> metrics(t).openConnections() == 0);
        }
        try (RawWebSocket ws = RawWebSocket.open(port(Transport.WEBSOCKET), "/rooms/after-fuzz/ws")) {
            eventually("subscribed", Duration.ofSeconds(5), () -> store.subscriberCount("after-fuzz") == 1);
            // Opened only now: waiting for the subscription may outlast the 800 ms idle timeout.
            try (RawHttp http = new RawHttp(port(Transport.SHORT_POLLING))) {
                assertEquals(201, http.exchange(post("/rooms/after-fuzz/messages", message("a", "ok", 1))).status());
            }
            assertTrue(ws.next().text().contains("\"text\":\"ok\""), "seed " + seed);
        }
        assertFalse(fuzzer.sent() == 0);
    }

    private static boolean readsEof(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }
}
