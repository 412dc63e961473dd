package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.ConformanceServers.ALLOWED_ORIGIN;
import static org.pushbench.conformance.RawHttp.message;

import java.util.List;
import java.util.Map;
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
 * Browser origins on every HTTP transport and engine (docs/PROTOCOL.md, "Origins"): a page of another origin
 * that is not allowed changes nothing, whatever its content type; an allowed one gets its preflight answered and
 * may read every answer; a page of the server's own origin is allowed without being listed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CrossOriginConformanceTest {

    static final String REFUSED_ORIGIN = "http://evil.example";

    /** Every transport whose messages are posted over HTTP. */
    static final List<Transport> HTTP_TRANSPORTS = List.of(Transport.SHORT_POLLING, Transport.LONG_POLLING);

    @AfterAll
    static void stopServers() {
        ConformanceServers.closeAll();
    }

    static Stream<Arguments> httpServers() {
        return ConformanceServers.ENGINES.stream()
                .flatMap(e -> HTTP_TRANSPORTS.stream().map(t -> Arguments.of(e, t)));
    }

    static String post(String path, String contentType, String origin) {
        String body = message("page", "hi", 1);
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + origin + "\r\nContent-Type: "
                + contentType + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    static String preflight(String path, String origin) {
        return "OPTIONS " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + origin
                + "\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n\r\n";
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("httpServers")
    void aPostFromARefusedOriginIs403AndStoresNothing(Engine engine, Transport transport) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        String messages = "/rooms/" + room + "/messages";
        try (RawHttp http = new RawHttp(s.port(transport))) {
            for (String type : List.of("text/plain;charset=UTF-8", "application/json")) {
                RawHttp.Response refused = http.exchange(post(messages, type, REFUSED_ORIGIN));
                assertEquals(403, refused.status(), type);
                assertEquals("{\"error\":\"forbidden\",\"message\":\"Origin " + REFUSED_ORIGIN
                        + " is not allowed\"}", refused.text());
                assertEquals("application/json", refused.header("content-type"));
                assertNull(refused.header("access-control-allow-origin"));
            }
            RawHttp.Response preflight = http.exchange(preflight(messages, REFUSED_ORIGIN));
            assertEquals(403, preflight.status(), "a refused origin's preflight");
            assertNull(preflight.header("access-control-allow-methods"));
            RawHttp.Response read = http.exchange("GET " + messages + "?after=0&wait=0 HTTP/1.1\r\nHost: 127.0.0.1"
                    + "\r\nOrigin: " + REFUSED_ORIGIN + "\r\n\r\n");
            assertEquals(200, read.status(), "a read changes nothing: answered, but the page may not read it");
            assertNull(read.header("access-control-allow-origin"));
        }
        assertEquals(0, s.store.lastId(room), "nothing was stored");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("httpServers")
    void anAllowedOriginsPreflightIsAnsweredAndItsJsonPostStored(Engine engine, Transport transport)
            throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        String messages = "/rooms/" + room + "/messages";
        try (RawHttp http = new RawHttp(s.port(transport))) {
            RawHttp.Response preflight = http.exchange(preflight(messages, ALLOWED_ORIGIN));
            assertEquals(204, preflight.status());
            Map<String, String> expected = Map.of("Access-Control-Allow-Origin", ALLOWED_ORIGIN,
                    "Access-Control-Allow-Methods", "GET, POST", "Access-Control-Allow-Headers", "Content-Type",
                    "Access-Control-Max-Age", "600", "Allow", "GET, POST, OPTIONS");
            expected.forEach((name, value) -> assertEquals(value, preflight.header(name), name));
            // Exactly these headers and no body: no Content-Type or Content-Length on a 204.
            long head = "HTTP/1.1 204 No Content\r\n\r\n".length() + expected.entrySet().stream()
                    .mapToLong(h -> (h.getKey() + ": " + h.getValue() + "\r\n").length()).sum();
            assertEquals(head, preflight.wireBytes());

            RawHttp.Response posted = http.exchange(post(messages, "application/json", ALLOWED_ORIGIN));
            assertEquals(201, posted.status(), posted.text());
            assertEquals(ALLOWED_ORIGIN, posted.header("access-control-allow-origin"));
            RawHttp.Response bad = http.exchange(post("/rooms/" + room + "/nowhere", "application/json",
                    ALLOWED_ORIGIN));
            assertEquals(404, bad.status());
            assertEquals(ALLOWED_ORIGIN, bad.header("access-control-allow-origin"), "the page may read errors");
        }
        assertEquals(1, s.store.lastId(room));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("httpServers")
    void aPageOfTheServersOwnOriginMayPostWithoutBeingListedOrACorsHeader(Engine engine, Transport transport)
            throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        int port = s.port(transport);
        String body = message("own", "hi", 1);
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response posted = http.exchange("POST /rooms/" + room + "/messages HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port + "\r\nOrigin: http://127.0.0.1:" + port + "\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            assertEquals(201, posted.status(), posted.text());
            assertNull(posted.header("access-control-allow-origin"), "its own page needs no CORS header");
        }
        assertEquals(1, s.store.lastId(room));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("httpServers")
    void aRequestWithoutOriginGetsNoCorsHeaderAndTheSameBytes(Engine engine, Transport transport)
            throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        try (RawHttp http = new RawHttp(s.port(transport))) {
            RawHttp.Response posted = http.exchange(RawHttp.post("/rooms/" + room + "/messages",
                    message("a", "b", 1)));
            assertEquals(201, posted.status());
            assertTrue(posted.headers().names().stream().noneMatch(n -> n.toLowerCase().startsWith("access-control")));
            // status line 22 + content-type 32 + content-length 19 + blank line 2 + {"id":1} 8
            assertEquals(83, posted.wireBytes());
        }
    }
}
