package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.Eventually.eventually;
import static org.pushbench.conformance.PollingConformanceTest.delivered;
import static org.pushbench.conformance.RawHttp.get;
import static org.pushbench.conformance.RawHttp.message;
import static org.pushbench.conformance.RawHttp.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.server.TransportMetrics;
import org.pushbench.server.tls.TlsConfig;
import org.pushbench.server.tls.TlsVersion;
import org.pushbench.store.InMemoryMessageStore;

/**
 * The protocol over TLS (https, wss) on both engines and both TLS versions, through real sockets with the JDK's
 * TLS client, which checks the generated certificate and the host name as a browser would.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsConformanceTest {

    static final List<Engine> ENGINES = ConformanceServers.ENGINES;

    static List<Arguments> enginesAndVersions() {
        return ENGINES.stream().flatMap(e -> java.util.Arrays.stream(TlsVersion.values()).map(v -> Arguments.of(e, v)))
                .toList();
    }

    private static final Map<List<Object>, TlsServers> RUNNING = new HashMap<>();

    /** The three servers of an engine over one TLS version, started on first use and shared by the tests. */
    private static synchronized TlsServers servers(Engine engine, TlsVersion version) throws Exception {
        TlsServers s = RUNNING.get(List.of(engine, version));
        if (s == null) {
            s = new TlsServers(engine, version);
            RUNNING.put(List.of(engine, version), s);
        }
        return s;
    }

    @AfterAll
    static synchronized void stopServers() {
        RUNNING.values().forEach(TlsServers::close);
        RUNNING.clear();
    }

    /** One engine's three servers over TLS on a store of their own; pings and poll timeouts beyond any test. */
    private static final class TlsServers implements AutoCloseable {
        final TlsConfig tls;
        final InMemoryMessageStore store = new InMemoryMessageStore(16, 64);
        final ServerFactory factory;
        final Map<Transport, ChatServer> servers = new EnumMap<>(Transport.class);

        TlsServers(Engine engine, TlsVersion version) throws Exception {
            tls = TlsConfig.generated().withVersion(version);
            ServerConfig config = ConformanceServers.CONFIG.withPing(Duration.ofSeconds(30), Duration.ofSeconds(10))
                    .withWaits(Duration.ofSeconds(30), Duration.ofSeconds(60))
                    .withTls(tls);
            factory = engine.newFactory();
            for (Transport t : Transport.values()) {
                ChatServer server = factory.create(t, 0, store, config);
                servers.put(t, server);
                server.start();
            }
        }

        SSLSocket connect(Transport t) throws Exception {
            return TlsSockets.connect(servers.get(t).port(), tls.certificate(), tls.version());
        }

        @Override
        public void close() {
            servers.values().forEach(ChatServer::close);
            factory.close();
        }
    }

    @ParameterizedTest
    @MethodSource("enginesAndVersions")
    void everyTransportWorksOverTls(Engine engine, TlsVersion version) throws Exception {
        TlsServers s = servers(engine, version);
        String room = ConformanceServers.freshRoom();
        String messages = "/rooms/" + room + "/messages";
        SSLSocket wsSocket = s.connect(Transport.WEBSOCKET);
        assertEquals(version.protocol(), wsSocket.getSession().getProtocol());
        String suite = version == TlsVersion.TLS_1_3 ? "TLS_AES_128_GCM_SHA256"
                : "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
        assertEquals(suite, wsSocket.getSession().getCipherSuite(), "the same suite on both engines");
        try (RawWebSocket ws = RawWebSocket.open(wsSocket, "/rooms/" + room + "/ws");
                RawHttp longPoll = new RawHttp(s.connect(Transport.LONG_POLLING));
                RawHttp shortPoll = new RawHttp(s.connect(Transport.SHORT_POLLING))) {
            eventually("the wss member is subscribed", Duration.ofSeconds(5),
                    () -> s.store.subscriberCount(room) == 1);
            longPoll.send(get(messages + "?after=0&wait=10000"));
            CompletableFuture<RawHttp.Response> held = longPoll.readLater();
            eventually("the long poll is held", Duration.ofSeconds(5), () -> s.store.subscriberCount(room) == 2);

            assertEquals(201, shortPoll.exchange(post(messages, message("short", "one", 1))).status());
            String one = delivered(1, room, "short", "one", 1);
            assertEquals(one, ws.next().text());
            assertEquals("[" + one + "]", held.get(5, TimeUnit.SECONDS).text());

            ws.sendText(message("ws", "two", 2));
            String two = delivered(2, room, "ws", "two", 2);
            assertEquals(two, ws.next().text());
            assertEquals("[" + one + "," + two + "]", shortPoll.exchange(get(messages + "?after=0")).text());
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aHeldPollIsDroppedWhenItsTlsClientLeaves(Engine engine) throws Exception {
        TlsServers s = servers(engine, TlsVersion.TLS_1_3);
        String room = ConformanceServers.freshRoom();
        RawHttp poll = new RawHttp(s.connect(Transport.LONG_POLLING));
        poll.send(get("/rooms/" + room + "/messages?after=0&wait=30000"));
        eventually("the long poll is held", Duration.ofSeconds(5), () -> s.store.subscriberCount(room) == 1);
        poll.close();
        eventually("the held poll is dropped", Duration.ofSeconds(5), () -> s.store.subscriberCount(room) == 0);
    }

    /** The server counts the wire below TLS: exactly the bytes the client's socket carried, records and all. */
    @ParameterizedTest
    @MethodSource("enginesAndVersions")
    void theServerCountsTheBytesOnTheWire(Engine engine, TlsVersion version) throws Exception {
        TlsServers s = servers(engine, version);
        ChatServer server = s.servers.get(Transport.SHORT_POLLING);
        eventually("earlier tests' connections are closed", Duration.ofSeconds(5),
                () -> server.metrics().openConnections() == 0);
        TransportMetrics.Snapshot before = server.metrics().snapshot();
        TlsSockets.CountingSocket wire = new TlsSockets.CountingSocket();
        String request = post("/rooms/" + ConformanceServers.freshRoom() + "/messages", message("a", "hi", 1));
        try (RawHttp http = new RawHttp(TlsSockets.connect(wire, server.port(), s.tls.certificate(), version))) {
            RawHttp.Response created = http.exchange(request);
            assertEquals(201, created.status());
            long plaintext = request.getBytes(StandardCharsets.UTF_8).length + created.wireBytes();
            eventually("the server counted what the client sent", Duration.ofSeconds(5),
                    () -> server.metrics().snapshot().bytesRead() - before.bytesRead() == wire.sent.get());
            assertEquals(wire.received.get(), server.metrics().snapshot().bytesWritten() - before.bytesWritten());
            assertTrue(wire.sent.get() + wire.received.get() > plaintext, "TLS adds bytes to the plaintext");
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aClientOfferingOnlyAnotherVersionIsRefused(Engine engine) throws Exception {
        TlsServers s = servers(engine, TlsVersion.TLS_1_3);
        assertThrows(SSLException.class, () -> TlsSockets.connect(s.servers.get(Transport.SHORT_POLLING).port(),
                s.tls.certificate(), TlsVersion.TLS_1_2).close());
    }
}
