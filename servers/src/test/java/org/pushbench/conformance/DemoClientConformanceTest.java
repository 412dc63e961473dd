package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.Eventually.eventually;
import static org.pushbench.conformance.RawHttp.get;
import static org.pushbench.conformance.RawHttp.message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.pushbench.server.ChatServer;
import org.pushbench.server.DemoClientMetrics;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.store.InMemoryMessageStore;

/**
 * What every engine must do for the classroom demo (docs/PROTOCOL.md, admin section): count a tagged
 * connection's bytes exactly, headers included, per demo client id, bounded; and let the demo page's origin read
 * the polling servers' answers, adding nothing for requests without {@code Origin}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DemoClientConformanceTest {

    static final List<Engine> ENGINES = ConformanceServers.ENGINES;
    static final String PAGE = "http://localhost:8080";

    /** Pings far apart, so that no control frame makes a WebSocket count differ from one run to the next. */
    static final ServerConfig CONFIG = ServerConfig.defaults()
            .withPing(Duration.ofHours(1), Duration.ofSeconds(10))
            .withAllowedOrigins(Set.of(PAGE))
            .withClassroomDemo(true);

    private static final Map<Engine, Map<Transport, ChatServer>> RUNNING = new EnumMap<>(Engine.class);
    private static final List<ServerFactory> FACTORIES = new ArrayList<>();

    static synchronized ChatServer server(Engine engine, Transport transport) throws Exception {
        Map<Transport, ChatServer> servers = RUNNING.get(engine);
        if (servers == null) {
            ServerFactory factory = engine.newFactory();
            FACTORIES.add(factory);
            var store = new InMemoryMessageStore(64, 1024);
            servers = new EnumMap<>(Transport.class);
            for (Transport t : Transport.values()) {
                ChatServer s = factory.create(t, 0, store, CONFIG);
                s.start();
                servers.put(t, s);
            }
            RUNNING.put(engine, servers);
        }
        return servers.get(transport);
    }

    @AfterAll
    static synchronized void stop() {
        RUNNING.values().forEach(servers -> servers.values().forEach(ChatServer::close));
        FACTORIES.forEach(ServerFactory::close);
        RUNNING.clear();
        FACTORIES.clear();
    }

    private static DemoClientMetrics.Snapshot client(ChatServer server, String id) {
        return server.metrics().demoClients().snapshot().get(id);
    }

    private static String post(String path, String body, String... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("", headers)
                + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body;
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aTaggedPollingConnectionIsCountedExactlyHeadersIncluded(Engine engine) throws Exception {
        for (Transport transport : List.of(Transport.SHORT_POLLING, Transport.LONG_POLLING)) {
            ChatServer server = server(engine, transport);
            String id = "exact-" + transport.id();
            String messages = "/rooms/" + ConformanceServers.freshRoom() + "/messages";
            String[] requests = {
                get(messages + "?after=0&wait=0&client=" + id),
                post(messages + "?client=" + id, message("demo", "hi", 1)),
                get(messages + "?after=0&wait=0"),
            };
            long sent = 0;
            long received = 0;
            try (RawHttp http = new RawHttp(server.port())) {
                for (String request : requests) {
                    sent += request.getBytes(StandardCharsets.UTF_8).length;
                    received += http.exchange(request).wireBytes();
                }
                assertEquals(new DemoClientMetrics.Snapshot(sent, received, 3, 1, 1), client(server, id),
                        transport.id());
            }
            eventually("the closed connection is no longer open", Duration.ofSeconds(5),
                    () -> client(server, id).openConnections() == 0);
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aTaggedWebSocketIsCountedExactlyHandshakeAndFramingIncluded(Engine engine) throws Exception {
        ChatServer server = server(engine, Transport.WEBSOCKET);
        String text = message("demo", "hello", 2);
        try (RawWebSocket ws = RawWebSocket.open(server.port(),
                "/rooms/" + ConformanceServers.freshRoom() + "/ws?client=exact-ws")) {
            ws.sendText(text);
            RawWebSocket.Frame delivered = ws.next();
            long in = ws.handshakeRequestBytes + 2 + 4 + text.length();
            long out = ws.handshakeResponseBytes + delivered.headerBytes() + delivered.payload().length;
            eventually("the frames are counted", Duration.ofSeconds(5),
                    () -> client(server, "exact-ws").bytesIn() == in);
            assertEquals(new DemoClientMetrics.Snapshot(in, out, 1, 0, 1), client(server, "exact-ws"));
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void noClientCanMakeAServerTrackMoreThanSixtyFourIds(Engine engine) throws Exception {
        ChatServer server = server(engine, Transport.SHORT_POLLING);
        String messages = "/rooms/" + ConformanceServers.freshRoom() + "/messages?after=0&client=many-";
        try (RawHttp http = new RawHttp(server.port())) {
            for (int i = 0; i < 200; i++) {
                assertEquals(200, http.exchange(get(messages + i)).status());
            }
        }
        assertTrue(server.metrics().demoClients().snapshot().size() <= DemoClientMetrics.MAX_CLIENTS);
        assertTrue(server.metrics().demoClients().snapshot().containsKey("many-199"));
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void theDemoPageMayReadThePollingServersAndNobodyElseGetsAHeader(Engine engine) throws Exception {
        for (Transport transport : List.of(Transport.SHORT_POLLING, Transport.LONG_POLLING)) {
            String messages = "/rooms/" + ConformanceServers.freshRoom() + "/messages";
            try (RawHttp http = new RawHttp(server(engine, transport).port())) {
                String page = "Origin: " + PAGE + "\r\n";
                RawHttp.Response posted = http.exchange(post(messages, message("demo", "<b>", 3), page));
                assertEquals(201, posted.status(), posted.text());
                assertEquals(PAGE, posted.header("access-control-allow-origin"));
                RawHttp.Response read = http.exchange("GET " + messages + "?after=0&wait=0 HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\n" + page + "\r\n");
                assertEquals(PAGE, read.header("access-control-allow-origin"));
                RawHttp.Response stranger = http.exchange("GET " + messages + "?after=0&wait=0 HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nOrigin: http://evil.example\r\n\r\n");
                assertNull(stranger.header("access-control-allow-origin"));
                assertNull(http.exchange(get(messages + "?after=0&wait=0")).header("access-control-allow-origin"));
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void theWebSocketServerAcceptsTheDemoPageOrigin(Engine engine) throws Exception {
        int port = server(engine, Transport.WEBSOCKET).port();
        try (RawWebSocket ws = RawWebSocket.connect(port, "/rooms/r/ws", "Origin: " + PAGE)) {
            assertEquals(101, ws.handshake.status().code());
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aServerWithoutTheDemoCountsNoDemoClient(Engine engine) throws Exception {
        ServerConfig benchmark = CONFIG.withClassroomDemo(false);
        try (ServerFactory factory = engine.newFactory();
                ChatServer server = factory.create(Transport.LONG_POLLING, 0, new InMemoryMessageStore(8, 8),
                        benchmark)) {
            server.start();
            try (RawHttp http = new RawHttp(server.port())) {
                String messages = "/rooms/r/messages";
                RawHttp.Response posted = http.exchange(post(messages + "?client=pane-1", message("demo", "t", 3),
                        "Origin: " + PAGE + "\r\n"));
                assertEquals(201, posted.status(), posted.text());
                assertEquals(200, http.exchange(get(messages + "?after=1&wait=0&client=pane-1")).status());
            }
            assertTrue(server.metrics().demoClients().snapshot().isEmpty(), "no demo client was tracked");
        }
    }
}
