package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.Eventually.eventually;
import static org.pushbench.conformance.RawHttp.message;
import static org.pushbench.conformance.RawHttp.post;
import static org.pushbench.conformance.RawWebSocket.BINARY;
import static org.pushbench.conformance.RawWebSocket.CLOSE;
import static org.pushbench.conformance.RawWebSocket.CONTINUATION;
import static org.pushbench.conformance.RawWebSocket.PING;
import static org.pushbench.conformance.RawWebSocket.PONG;
import static org.pushbench.conformance.RawWebSocket.TEXT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/** RFC 6455 as the WebSocket server must speak it: handshake, frames byte for byte, keep-alive, close and errors. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketConformanceTest {

    static final List<Engine> ENGINES = ConformanceServers.ENGINES;

    @AfterAll
    static void stopServers() {
        ConformanceServers.closeAll();
    }

    private static int wsPort(Engine engine) throws Exception {
        return ConformanceServers.of(engine).port(Transport.WEBSOCKET);
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void theHandshakeAnswersTheRfcExampleKey(Engine engine) throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(wsPort(engine), "/rooms/" + ConformanceServers.freshRoom() + "/ws",
                "Sec-WebSocket-Extensions: permessage-deflate")) {
            assertEquals(101, ws.handshake.status().code());
            assertTrue(ws.handshake.headers().containsValue("upgrade", "websocket", true));
            assertTrue(ws.handshake.headers().containsValue("connection", "upgrade", true));
            assertEquals(RawWebSocket.RFC_ACCEPT, ws.handshake.headers().get("sec-websocket-accept"));
            assertNull(ws.handshake.headers().get("sec-websocket-extensions"), "no compression: frames stay comparable");
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aPostedMessageArrivesAsOneTextFrameWithATwoByteHeader(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        try (RawWebSocket ws = RawWebSocket.open(wsPort(engine), "/rooms/" + room + "/ws");
                RawHttp http = new RawHttp(s.port(Transport.SHORT_POLLING))) {
            awaitSubscribed(s, room, 1);
            http.exchange(post("/rooms/" + room + "/messages", message("alice", "hello", 42)));
            RawWebSocket.Frame f = ws.next();
            assertEquals(TEXT, f.opcode());
            assertTrue(f.fin());
            assertEquals(2, f.headerBytes(), "a server frame of at most 125 bytes has a 2-byte header");
            assertArrayEquals(s.store.read(room, 0, 1).messages().get(0).json(), f.payload());
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void everyMemberTheSenderIncludedReceivesAMessageSentAsAFrame(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        String path = "/rooms/" + room + "/ws";
        try (RawWebSocket alice = RawWebSocket.open(wsPort(engine), path);
                RawWebSocket bob = RawWebSocket.open(wsPort(engine), path)) {
            awaitSubscribed(s, room, 2);
            alice.sendText(message("alice", "to all", 7));
            String expected = PollingConformanceTest.delivered(1, room, "alice", "to all", 7);
            assertEquals(expected, alice.next().text());
            assertEquals(expected, bob.next().text());
            assertEquals(1, s.store.lastId(room));
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void afterGivesTheBacklogAndWithoutItOnlyNewMessages(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        for (int i = 1; i <= 3; i++) {
            s.store.append(room, "a", "m" + i, (long) i);
        }
        try (RawWebSocket backlog = RawWebSocket.open(wsPort(engine), "/rooms/" + room + "/ws?after=1");
                RawWebSocket live = RawWebSocket.open(wsPort(engine), "/rooms/" + room + "/ws")) {
            assertEquals(PollingConformanceTest.delivered(2, room, "a", "m2", 2), backlog.next().text());
            assertEquals(PollingConformanceTest.delivered(3, room, "a", "m3", 3), backlog.next().text());
            awaitSubscribed(s, room, 2);
            s.store.append(room, "a", "m4", 4L);
            String m4 = PollingConformanceTest.delivered(4, room, "a", "m4", 4);
            assertEquals(m4, live.next().text(), "no backlog without after");
            assertEquals(m4, backlog.next().text());
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aCursorOlderThanTheRetentionGetsAGapFrameFirst(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        for (int i = 0; i < ConformanceServers.RETENTION + 2; i++) {
            s.store.append(room, "a", "m" + i, null);
        }
        try (RawWebSocket ws = RawWebSocket.open(wsPort(engine), "/rooms/" + room + "/ws?after=0")) {
            String gap = ws.next().text();
            assertTrue(gap.startsWith("{\"error\":\"gap\"") && gap.endsWith("\"after\":0,\"oldest\":3}"), gap);
            assertTrue(ws.next().text().startsWith("{\"id\":3,"));
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void theServerPingsAndClosesAPeerThatStaysSilent(Engine engine) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(wsPort(engine), "/rooms/" + ConformanceServers.freshRoom() + "/ws")) {
            RawWebSocket.Frame first = ws.readFrame();
            assertEquals(PING, first.opcode());
            RawWebSocket.Frame close = first;
            while (close.opcode() == PING) {
                close = ws.readFrame();
            }
            assertEquals(CLOSE, close.opcode(), "closed for not answering the ping");
            assertEquals(1008, close.closeCode());
            assertTrue(ws.closedByServer(5_000));
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aPeerThatAnswersPingsStaysConnected(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        try (RawWebSocket ws = RawWebSocket.open(wsPort(engine), "/rooms/" + room + "/ws")) {
            long quiet = ConformanceServers.PING_INTERVAL.plus(ConformanceServers.PONG_TIMEOUT).toMillis() * 2;
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(quiet);
            int pings = 0;
            while (System.nanoTime() < until) {
                RawWebSocket.Frame f = ws.readFrame();
                assertEquals(PING, f.opcode(), "only pings while nobody talks");
                ws.sendFrame(true, 0, PONG, f.payload(), true);
                pings++;
            }
            assertTrue(pings >= 2, "pinged on its interval: " + pings);
            s.store.append(room, "a", "still here", null);
            assertEquals(TEXT, ws.next().opcode());
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void answersAPingWithAPongAndACloseWithAClose(Engine engine) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(wsPort(engine), "/rooms/" + ConformanceServers.freshRoom() + "/ws")) {
            ws.sendFrame(true, 0, PING, "abc".getBytes(StandardCharsets.US_ASCII), true);
            RawWebSocket.Frame pong = ws.readFrame();
            while (pong.opcode() == PING) {
                pong = ws.readFrame();
            }
            assertEquals(PONG, pong.opcode());
            assertEquals("abc", pong.text());
            ws.sendClose(1000);
            RawWebSocket.Frame close = ws.next();
            assertEquals(CLOSE, close.opcode());
            assertEquals(1000, close.closeCode());
            assertTrue(ws.closedByServer(5_000));
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void invalidJsonGetsAnErrorFrameAndTheConnectionStaysOpen(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        try (RawWebSocket ws = RawWebSocket.open(wsPort(engine), "/rooms/" + room + "/ws")) {
            ws.sendText("{not json");
            RawWebSocket.Frame error = ws.next();
            assertEquals(TEXT, error.opcode());
            assertTrue(error.text().startsWith("{\"error\":\"bad_request\",\"message\":"), error.text());
            assertEquals(0, s.store.lastId(room));
            ws.sendText(message("a", "fine now", 1));
            assertEquals(PollingConformanceTest.delivered(1, room, "a", "fine now", 1), ws.next().text());
        }
    }

    static Stream<Arguments> violations() {
        byte[] tooBig = message("a", "x".repeat(ConformanceServers.MAX_MESSAGE_BYTES), 1).getBytes(StandardCharsets.UTF_8);
        byte[] half = message("a", "x".repeat(ConformanceServers.MAX_MESSAGE_BYTES / 2 + 10), 1)
                .getBytes(StandardCharsets.UTF_8);
        byte[] invalidUtf8 = {'{', '"', 'f', (byte) 0xC3, '"'};
        return ENGINES.stream().flatMap(e -> Stream.of(
                Arguments.of(e, "binary message", List.of(new Send(true, 0, BINARY, new byte[] {1, 2}, true)), 1003),
                Arguments.of(e, "unmasked frame", List.of(new Send(true, 0, TEXT, bytes("{}"), false)), 1002),
                Arguments.of(e, "reserved bit set", List.of(new Send(true, 4, TEXT, bytes("{}"), true)), 1002),
                Arguments.of(e, "reserved opcode", List.of(new Send(true, 0, 0x3, bytes("{}"), true)), 1002),
                Arguments.of(e, "invalid UTF-8 text", List.of(new Send(true, 0, TEXT, invalidUtf8, true)), 1007),
                Arguments.of(e, "message over the limit", List.of(new Send(true, 0, TEXT, tooBig, true)), 1009),
                Arguments.of(e, "fragments over the limit", List.of(new Send(false, 0, TEXT, half, true),
                        new Send(true, 0, CONTINUATION, half, true)), 1009)));
    }

    /** One frame a test client sends. */
    record Send(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("violations")
    void protocolViolationsCloseWithTheRfcCodeAndStoreNothing(Engine engine, String name, List<Send> frames,
            int closeCode) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        try (RawWebSocket ws = RawWebSocket.open(wsPort(engine), "/rooms/" + room + "/ws")) {
            for (Send f : frames) {
                ws.sendFrame(f.fin(), f.rsv(), f.opcode(), f.payload(), f.masked());
            }
            RawWebSocket.Frame close = ws.next();
            assertEquals(CLOSE, close.opcode(), name);
            assertEquals(closeCode, close.closeCode(), name);
            // The client's answer, as a browser sends it; the server's close frame must be its only one (Netty's
            // protocol handler sent a second, 1000, after the codec's own).
            ws.answerClose(1000);
            assertEquals(List.of(), ws.framesUntilClosed(5_000), name);
        }
        assertEquals(0, s.store.lastId(room));
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void refusesForeignOriginsAndPathsOutsideTheProtocol(Engine engine) throws Exception {
        int port = wsPort(engine);
        String path = "/rooms/" + ConformanceServers.freshRoom() + "/ws";
        try (RawWebSocket foreign = RawWebSocket.connect(port, path, "Origin: http://evil.example")) {
            assertEquals(403, foreign.handshake.status().code());
        }
        try (RawWebSocket same = RawWebSocket.connect(port, path, "Origin: http://127.0.0.1:" + port)) {
            assertEquals(101, same.handshake.status().code());
        }
        try (RawWebSocket wrongPath = RawWebSocket.connect(port, "/rooms/lobby/messages")) {
            assertEquals(404, wrongPath.handshake.status().code());
        }
        try (RawWebSocket badRoom = RawWebSocket.connect(port, "/rooms/no%20spaces/ws")) {
            assertEquals(400, badRoom.handshake.status().code());
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void refusalsOfTheUpgradeAreTheSameOnEveryEngine(Engine engine) throws Exception {
        int port = wsPort(engine);
        String path = "/rooms/" + ConformanceServers.freshRoom() + "/ws";
        String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response post = http.exchange(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + upgrade
                    + "Sec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals(405, post.status());
            assertEquals("GET", post.header("allow"));
            assertTrue(post.text().startsWith("{\"error\":\"method_not_allowed\""), post.text());
        }
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response version = http.exchange(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + upgrade
                    + "Sec-WebSocket-Version: 8\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals(426, version.status());
            assertEquals("13", version.header("sec-websocket-version"));
            assertEquals("application/json", version.header("content-type"));
            assertTrue(version.text().contains("version 13"), version.text());
        }
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response plain = http.exchange(RawHttp.get(path).getBytes(StandardCharsets.US_ASCII));
            assertEquals(426, plain.status());
            assertTrue(plain.text().startsWith("{\"error\":\"bad_request\""), plain.text());
        }
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response escape = http.exchange(RawHttp.get(path + "?after=%zz").getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, escape.status());
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void openConnectionsAreCountedUpAndDown(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        var metrics = s.server(Transport.WEBSOCKET).metrics();
        eventually("earlier tests' connections are gone", Duration.ofSeconds(5), () -> metrics.openConnections() == 0);
        try (RawWebSocket a = RawWebSocket.open(wsPort(engine), "/rooms/" + ConformanceServers.freshRoom() + "/ws");
                RawWebSocket b = RawWebSocket.open(wsPort(engine), "/rooms/" + ConformanceServers.freshRoom() + "/ws")) {
            assertEquals(2, metrics.openConnections());
            assertFalse(a.closedByServer(50));
            assertFalse(b.closedByServer(50));
        }
        eventually("closed connections are counted down", Duration.ofSeconds(5), () -> metrics.openConnections() == 0);
        eventually("their subscriptions are dropped", Duration.ofSeconds(5), () -> s.store.subscriberCount() == 0);
    }

    /** Waits until the server has subscribed the room's members, so that no append in the test is missed. */
    private static void awaitSubscribed(ConformanceServers s, String room, int members) {
        eventually(members + " subscriber(s) in " + room, Duration.ofSeconds(5),
                () -> s.store.subscriberCount(room) == members);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
