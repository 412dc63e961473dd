package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.Eventually.eventually;
import static org.pushbench.conformance.RawHttp.get;
import static org.pushbench.conformance.RawHttp.message;
import static org.pushbench.conformance.RawHttp.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pushbench.protocol.ChatJson;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * Server-Sent Events as the SSE server must speak them, byte for byte: the response head, the retry field, one
 * chunk per event, resume by Last-Event-ID and by after (backlog, then live), the gap event, keep-alive
 * comments, the Origin rule and every bad input.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SseConformanceTest {

    static final List<Engine> ENGINES = ConformanceServers.ENGINES;

    static final String HEAD = "http/1.1 200 ok\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
            + "transfer-encoding: chunked\r\n\r\n";

    @AfterAll
    static void stopServers() {
        ConformanceServers.closeAll();
    }

    private static int ssePort(ConformanceServers s) {
        return s.port(Transport.SSE);
    }

    private static String event(long id, String json) {
        return "id: " + id + "\ndata: " + json + "\n\n";
    }

    private static void awaitSubscribed(ConformanceServers s, String room, int members) {
        eventually(members + " subscribed to " + room, Duration.ofSeconds(5),
                () -> s.store.subscriberCount(room) == members);
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void theStreamStartsWithItsHeadAndTheRetryFieldAlone(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        try (RawEventStream events = RawEventStream.open(ssePort(s), "/rooms/" + ConformanceServers.freshRoom()
                + "/events")) {
            // Header names are case-insensitive; Netty writes them lower-case, Jetty capitalised: the same bytes.
            assertEquals(HEAD, events.head.toLowerCase());
            assertEquals("retry: 1500\n\n", events.nextChunk());
            assertEquals(HEAD.length() + "e\r\n".length() + "retry: 1500\n\n".length(), events.wireBytes(),
                    "nothing but the head and one chunk");
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aMessagePostedOnTheSamePortArrivesAsOneIdDataEventInOneChunk(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        try (RawEventStream events = RawEventStream.open(ssePort(s), "/rooms/" + room + "/events");
                RawHttp http = new RawHttp(ssePort(s))) {
            events.nextChunk();
            awaitSubscribed(s, room, 1);
            assertEquals(201, http.exchange(post("/rooms/" + room + "/messages", message("alice", "hi", 42)))
                    .status());
            long before = events.wireBytes();
            String json = new String(s.store.read(room, 0, 1).messages().get(0).json(), StandardCharsets.UTF_8);
            assertEquals(PollingConformanceTest.delivered(1, room, "alice", "hi", 42), json);
            String data = event(1, json);
            assertEquals(data, events.nextEvent());
            long chunkHead = Integer.toHexString(data.length()).length() + 2;
            // The previous chunk's CRLF, then this one's size line and data (its own CRLF follows with the next).
            assertEquals(2 + chunkHead + data.length(), events.wireBytes() - before);
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void afterGivesTheBacklogThenLiveAndWithoutItOnlyNewMessages(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        for (int i = 1; i <= 3; i++) {
            s.store.append(room, "a", "m" + i, (long) i);
        }
        try (RawEventStream backlog = RawEventStream.open(ssePort(s), "/rooms/" + room + "/events?after=1");
                RawEventStream live = RawEventStream.open(ssePort(s), "/rooms/" + room + "/events")) {
            assertEquals("retry: 1500\n\n", backlog.nextChunk());
            assertEquals(event(2, PollingConformanceTest.delivered(2, room, "a", "m2", 2)), backlog.nextEvent());
            assertEquals(event(3, PollingConformanceTest.delivered(3, room, "a", "m3", 3)), backlog.nextEvent());
            awaitSubscribed(s, room, 2);
            s.store.append(room, "a", "m4", 4L);
            String m4 = event(4, PollingConformanceTest.delivered(4, room, "a", "m4", 4));
            assertEquals("retry: 1500\n\n", live.nextChunk());
            assertEquals(m4, live.nextEvent(), "no backlog without after");
            assertEquals(m4, backlog.nextEvent());
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void lastEventIdResumesRightAfterItAndWinsOverTheUrlsAfter(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        for (int i = 1; i <= 3; i++) {
            s.store.append(room, "a", "m" + i, (long) i);
        }
        // What a browser's EventSource sends on reconnect: the URL it first opened and the last id it saw.
        try (RawEventStream resumed = RawEventStream.open(ssePort(s), "/rooms/" + room + "/events?after=0",
                "Last-Event-ID: 2\r\n")) {
            assertEquals("retry: 1500\n\n", resumed.nextChunk());
            assertEquals(event(3, PollingConformanceTest.delivered(3, room, "a", "m3", 3)), resumed.nextEvent());
            awaitSubscribed(s, room, 1);
            s.store.append(room, "a", "m4", 4L);
            assertEquals(event(4, PollingConformanceTest.delivered(4, room, "a", "m4", 4)), resumed.nextEvent());
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aCursorOlderThanTheRetentionGetsAGapEventOfItsOwnTypeFirst(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        int total = ConformanceServers.RETENTION + 2;
        for (int i = 1; i <= total; i++) {
            s.store.append(room, "a", "m" + i, (long) i);
        }
        try (RawEventStream events = RawEventStream.open(ssePort(s), "/rooms/" + room + "/events?after=0")) {
            events.nextChunk();
            String gap = new String(ChatJson.gap(0, 3), StandardCharsets.UTF_8);
            assertEquals("event: gap\ndata: " + gap + "\n\n", events.nextEvent());
            for (int id = 3; id <= total; id++) {
                assertEquals(event(id, PollingConformanceTest.delivered(id, room, "a", "m" + id, id)),
                        events.nextEvent());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aQuietStreamCarriesAKeepAliveCommentEveryInterval(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        try (RawEventStream events = RawEventStream.open(ssePort(s), "/rooms/" + ConformanceServers.freshRoom()
                + "/events")) {
            events.nextChunk();
            long start = System.nanoTime();
            assertEquals(": keepalive\n", events.nextChunk());
            assertEquals(": keepalive\n", events.nextChunk());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 2 * ConformanceServers.EVENT_KEEPALIVE.toMillis() - 100, millis + " ms for two");
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void anAllowedOriginMayReadTheStreamAndOthersGetNoCorsHeader(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String path = "/rooms/" + ConformanceServers.freshRoom() + "/events";
        try (RawEventStream allowed = RawEventStream.open(ssePort(s), path,
                "Origin: " + ConformanceServers.ALLOWED_ORIGIN + "\r\n");
                RawEventStream other = RawEventStream.open(ssePort(s), path, "Origin: http://evil.example\r\n")) {
            assertTrue(allowed.head.toLowerCase().contains(
                    "\r\naccess-control-allow-origin: " + ConformanceServers.ALLOWED_ORIGIN + "\r\n"), allowed.head);
            assertEquals(200, other.status());
            assertFalse(other.head.toLowerCase().contains("access-control"), other.head);
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void badRequestsAreAnsweredWithTheProtocolsErrors(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        try (RawHttp http = new RawHttp(ssePort(s))) {
            RawHttp.Response post = http.exchange(post("/rooms/" + room + "/events", message("a", "b", 1)));
            assertEquals(405, post.status());
            assertEquals("GET", post.header("Allow"));
            RawHttp.Response read = http.exchange(get("/rooms/" + room + "/messages?after=0"));
            assertEquals(405, read.status());
            assertEquals("POST, OPTIONS", read.header("Allow"));
            assertTrue(read.text().contains("/rooms/" + room + "/events"), read.text());
            assertEquals(400, http.exchange("GET /rooms/" + room + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Last-Event-ID: seven\r\n\r\n").status());
            assertEquals(400, http.exchange(get("/rooms/" + room + "/events?after=-1")).status());
            assertEquals(400, http.exchange(get("/rooms/bad%20room/events")).status());
            assertEquals(404, http.exchange(get("/rooms/" + room + "/stream")).status());
            assertEquals(404, http.exchange(get("/rooms/" + room + "/ws")).status());
            assertEquals(400, http.exchange(post("/rooms/" + room + "/messages", "{\"from\":1}")).status());
            assertEquals(201, http.exchange(post("/rooms/" + room + "/messages", message("a", "ok", 1))).status());
        }
        assertEquals(1, s.store.lastId(room), "only the valid post was stored");
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void anHttp10ClientGetsTheStreamDelimitedByTheConnection(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        s.store.append(room, "a", "old", 1L);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", ssePort(s))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /rooms/" + room + "/events?after=0 HTTP/1.0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String expected = "retry: 1500\n\n" + event(1, PollingConformanceTest.delivered(1, room, "a", "old", 1));
            StringBuilder got = new StringBuilder();
            while (!got.toString().endsWith(expected)) {
                got.append((char) socket.getInputStream().read());
            }
            String head = got.substring(0, got.indexOf("\r\n\r\n") + 4).toLowerCase();
            assertFalse(head.contains("transfer-encoding"), head);
            assertTrue(head.contains("content-type: text/event-stream\r\n"), head);
            assertEquals(expected, got.substring(head.length()), "no chunk framing");
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aClientThatSendsMoreOnItsStreamIsDisconnectedAndUnsubscribed(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        try (RawEventStream events = RawEventStream.open(ssePort(s), "/rooms/" + room + "/events")) {
            events.nextChunk();
            awaitSubscribed(s, room, 1);
            events.send(get("/rooms/" + room + "/events"));
            assertTrue(events.closedByServer(5000), "the one-way stream is closed");
            awaitSubscribed(s, room, 0);
        }
    }
}
