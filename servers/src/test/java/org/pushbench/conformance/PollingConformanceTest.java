package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.RawHttp.get;
import static org.pushbench.conformance.RawHttp.message;
import static org.pushbench.conformance.RawHttp.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * The HTTP side of docs/PROTOCOL.md, the same for short and long polling on every engine: posting, reading after
 * a cursor, keep-alive, the retention gap, and every bad input with its exact status — each changing nothing.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PollingConformanceTest {

    static ConformanceServers servers(Engine engine) throws Exception {
        return ConformanceServers.of(engine);
    }

    @AfterAll
    static void stopServers() {
        ConformanceServers.closeAll();
    }

    static Stream<Arguments> pollingServers() {
        return ConformanceServers.ENGINES.stream().flatMap(e -> Stream.of(
                Arguments.of(e, Transport.SHORT_POLLING), Arguments.of(e, Transport.LONG_POLLING)));
    }

    /** What a GET after the newest id asks for on each transport so that it answers at once. */
    static String emptyQuery(Transport t) {
        return t == Transport.LONG_POLLING ? "&wait=0" : "";
    }

    static String delivered(long id, String room, String from, String text, long stamp) {
        return "{\"id\":" + id + ",\"room\":\"" + room + "\",\"from\":\"" + from + "\",\"text\":\"" + text
                + "\",\"stamp\":" + stamp + "}";
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pollingServers")
    void postAnswers201WithTheNewId(Engine engine, Transport transport) throws Exception {
        ConformanceServers s = servers(engine);
        String room = ConformanceServers.freshRoom();
        try (RawHttp http = new RawHttp(s.port(transport))) {
            RawHttp.Response first = http.exchange(post("/rooms/" + room + "/messages", message("alice", "hi", 123)));
            assertEquals(201, first.status());
            assertEquals("application/json", first.header("content-type"));
            assertEquals("{\"id\":1}", first.text());
            assertEquals("{\"id\":2}", http.exchange(post("/rooms/" + room + "/messages", message("bob", "yo", 5))).text());
        }
        assertEquals(2, s.store.lastId(room));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pollingServers")
    void getAnswersTheMessagesAfterTheCursorInOrder(Engine engine, Transport transport) throws Exception {
        ConformanceServers s = servers(engine);
        String room = ConformanceServers.freshRoom();
        try (RawHttp http = new RawHttp(s.port(transport))) {
            for (int i = 1; i <= 3; i++) {
                http.exchange(post("/rooms/" + room + "/messages", message("alice", "m" + i, i)));
            }
            RawHttp.Response r = http.exchange(get("/rooms/" + room + "/messages?after=1"));
            assertEquals(200, r.status());
            assertEquals("application/json", r.header("content-type"));
            assertEquals("[" + delivered(2, room, "alice", "m2", 2) + "," + delivered(3, room, "alice", "m3", 3) + "]",
                    r.text());
            assertEquals("[" + delivered(1, room, "alice", "m1", 1) + "," + delivered(2, room, "alice", "m2", 2) + ","
                    + delivered(3, room, "alice", "m3", 3) + "]",
                    http.exchange(get("/rooms/" + room + "/messages")).text(), "after defaults to 0");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pollingServers")
    void nothingNewIsAnEmptyArrayAtOnceAndCountsAsAnEmptyResponse(Engine engine, Transport transport) throws Exception {
        ConformanceServers s = servers(engine);
        String room = ConformanceServers.freshRoom();
        long emptyBefore = s.server(transport).metrics().snapshot().emptyResponses();
        try (RawHttp http = new RawHttp(s.port(transport))) {
            RawHttp.Response r = http.exchange(get("/rooms/" + room + "/messages?after=0" + emptyQuery(transport)));
            assertEquals(200, r.status());
            assertEquals("[]", r.text());
        }
        assertEquals(emptyBefore + 1, s.server(transport).metrics().snapshot().emptyResponses());
        assertEquals(0, s.store.lastId(room));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pollingServers")
    void keepsTheConnectionAliveAndHonoursConnectionClose(Engine engine, Transport transport) throws Exception {
        ConformanceServers s = servers(engine);
        String path = "/rooms/" + ConformanceServers.freshRoom() + "/messages";
        try (RawHttp http = new RawHttp(s.port(transport))) {
            assertEquals(201, http.exchange(post(path, message("a", "1", 1))).status());
            assertEquals(200, http.exchange(get(path + "?after=0" + emptyQuery(transport))).status());
            assertFalse(http.closedByServer(200), "a keep-alive connection stays open");
            RawHttp.Response last = http.exchange("GET " + path + "?after=1" + emptyQuery(transport)
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertEquals(200, last.status());
            assertTrue(http.closedByServer(5_000), "the server closes after answering Connection: close");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pollingServers")
    void aCursorOlderThanTheRetentionIsAnswered410Gap(Engine engine, Transport transport) throws Exception {
        ConformanceServers s = servers(engine);
        String room = ConformanceServers.freshRoom();
        int total = ConformanceServers.RETENTION + 4;
        for (int i = 0; i < total; i++) {
            s.store.append(room, "a", "m" + i, null);
        }
        try (RawHttp http = new RawHttp(s.port(transport))) {
            RawHttp.Response r = http.exchange(get("/rooms/" + room + "/messages?after=0"));
            assertEquals(410, r.status());
            assertTrue(r.text().startsWith("{\"error\":\"gap\""), r.text());
            assertTrue(r.text().endsWith("\"after\":0,\"oldest\":5}"), r.text());
            RawHttp.Response resumed = http.exchange(get("/rooms/" + room + "/messages?after=4"));
            assertEquals(200, resumed.status());
            assertTrue(resumed.text().startsWith("[{\"id\":5,"), resumed.text());
        }
    }

    /** One bad request, the status it must get, and a name for the report. */
    record BadRequest(String name, byte[] request, int status, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<BadRequest> badRequests(String room) {
        String path = "/rooms/" + room + "/messages";
        List<BadRequest> bad = new ArrayList<>();
        bad.add(bad("malformed JSON", post(path, "{\"from\":"), 400, "bad_request"));
        bad.add(bad("not an object", post(path, "[1,2]"), 400, "bad_request"));
        bad.add(bad("missing text", post(path, "{\"from\":\"a\"}"), 400, "bad_request"));
        bad.add(bad("extra field", post(path, "{\"from\":\"a\",\"text\":\"t\",\"admin\":true}"), 400, "bad_request"));
        bad.add(bad("stamp not an integer", post(path, "{\"from\":\"a\",\"text\":\"t\",\"stamp\":\"now\"}"), 400,
                "bad_request"));
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 23\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] invalidUtf8 = concat(head, "{\"from\":\"a\",\"text\":\"".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xC3, '"', '}'});
        bad.add(new BadRequest("invalid UTF-8", invalidUtf8, 400, "bad_request"));
        String big = "x".repeat(ConformanceServers.MAX_MESSAGE_BYTES);
        bad.add(bad("body over the limit", post(path, message("a", big, 1)), 413, "too_large"));
        String chunk = message("a", big, 1);
        bad.add(bad("chunked body over the limit", "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(chunk.length()) + "\r\n" + chunk
                + "\r\n0\r\n\r\n", 413, "too_large"));
        bad.add(bad("unknown path", get("/nowhere"), 404, "not_found"));
        bad.add(bad("WebSocket path on a polling server", get("/rooms/" + room + "/ws"), 404, "not_found"));
        bad.add(bad("PUT", "PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n", 405,
                "method_not_allowed"));
        bad.add(bad("DELETE", "DELETE " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 405, "method_not_allowed"));
        bad.add(bad("negative after", get(path + "?after=-1"), 400, "bad_request"));
        bad.add(bad("after not a number", get(path + "?after=ten"), 400, "bad_request"));
        bad.add(bad("wait not a number", get(path + "?after=0&wait=soon"), 400, "bad_request"));
        bad.add(bad("broken percent-escape", get(path + "?after=%zz"), 400, "bad_request"));
        bad.add(bad("truncated percent-escape", get(path + "?after=1%"), 400, "bad_request"));
        bad.add(bad("bad room name", post("/rooms/no%20spaces/messages", message("a", "t", 1)), 400, "bad_request"));
        return bad;
    }

    static Stream<Arguments> badInputs() {
        return pollingServers().flatMap(a -> badRequests("bad-input").stream()
                .map(b -> Arguments.of(a.get()[0], a.get()[1], b)));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("badInputs")
    void badInputGetsItsStatusAndAJsonErrorAndChangesNothing(Engine engine, Transport transport, BadRequest bad)
            throws Exception {
        ConformanceServers s = servers(engine);
        int roomsBefore = s.store.roomCount();
        try (RawHttp http = new RawHttp(s.port(transport))) {
            RawHttp.Response r = http.exchange(bad.request());
            assertEquals(bad.status(), r.status(), r.text());
            assertEquals("application/json", r.header("content-type"));
            assertTrue(r.text().startsWith("{\"error\":\"" + bad.error() + "\",\"message\":\""), r.text());
            if (bad.status() == 405) {
                String allow = r.header("allow");
                assertTrue(allow != null && allow.contains("GET") && allow.contains("POST"), "Allow: " + allow);
            }
        }
        assertEquals(0, s.store.lastId("bad-input"), "nothing was stored");
        assertEquals(roomsBefore, s.store.roomCount(), "no room was created");
    }

    private static BadRequest bad(String name, String request, int status, String error) {
        return new BadRequest(name, request.getBytes(StandardCharsets.UTF_8), status, error);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
