package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.RawHttp.get;
import static org.pushbench.conformance.RawHttp.message;
import static org.pushbench.conformance.RawHttp.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * The answer sizes the docs quote, measured through raw sockets on every engine: the table in docs/PROTOCOL.md
 * ("Answer sizes") is read and each figure in it checked, keep-alive and {@code Connection: close} apart, and
 * wherever the README quotes one of its answers, it must quote the keep-alive figure.
 */
class AnswerSizesTest {

    private static final Path PROTOCOL = Path.of("..", "docs", "PROTOCOL.md");
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (\\d+ B|—) \\| (\\d+ B|—) \\|$");
    private static final String ROOM = "lobby";

    static List<Engine> engines() {
        return ConformanceServers.ENGINES;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyQuotedAnswerSizeIsWhatTheServerSends(Engine engine) throws Exception {
        Map<String, long[]> measured = measure(engine);
        Map<String, String[]> table = table();
        assertEquals(measured.keySet(), table.keySet(), "the table's answers");
        String readme = Files.readString(README);
        for (Map.Entry<String, String[]> row : table.entrySet()) {
            long[] sizes = measured.get(row.getKey());
            for (int column = 0; column < 2; column++) {
                String quoted = row.getValue()[column];
                String actual = sizes[column] < 0 ? "—" : sizes[column] + " B";
                assertEquals(actual, quoted, row.getKey() + (column == 0 ? ", keep-alive" : ", Connection: close"));
            }
            String answer = row.getKey();
            if (readme.contains(answer + " ")) {
                assertTrue(readme.contains(answer + " " + sizes[0] + " B"),
                        "the README quotes " + answer + " with its keep-alive size, " + sizes[0] + " B");
            }
        }
    }

    /** Each answer's bytes, keep-alive and with {@code Connection: close} (-1: no such answer). */
    private static Map<String, long[]> measure(Engine engine) throws Exception {
        Map<String, long[]> sizes = new LinkedHashMap<>();
        try (ConformanceServers servers = new ConformanceServers(engine)) {
            int http = servers.port(Transport.SHORT_POLLING);
            String path = "/rooms/" + ROOM + "/messages";
            String sent = post(path, message("alice", "hi", 7));
            sizes.put("`201 {\"id\":1}`", new long[] {bytes(http, sent),
                bytes(http, closing(post("/rooms/other/messages", message("alice", "hi", 7))))});
            sizes.put("`200` with one message", new long[] {bytes(http, get(path + "?after=0")),
                bytes(http, closing(get(path + "?after=0")))});
            sizes.put("`200 []`", new long[] {bytes(http, get(path + "?after=1")),
                bytes(http, closing(get(path + "?after=1")))});
            try (RawWebSocket ws = RawWebSocket.open(servers.port(Transport.WEBSOCKET), "/rooms/" + ROOM + "/ws")) {
                sizes.put("WebSocket `101`", new long[] {ws.handshakeResponseBytes, -1});
            }
            try (RawEventStream events = RawEventStream.open(servers.port(Transport.SSE), "/rooms/" + ROOM + "/events")) {
                sizes.put("SSE `200`", new long[] {events.head.length(), -1});
            }
        }
        return sizes;
    }

    private static long bytes(int port, String request) throws IOException {
        try (RawHttp client = new RawHttp(port)) {
            RawHttp.Response answer = client.exchange(request);
            assertTrue(answer.status() == 200 || answer.status() == 201, answer.status() + " " + answer.text());
            return answer.wireBytes();
        }
    }

    private static String closing(String request) {
        return request.replaceFirst("\r\n\r\n", "\r\nConnection: close\r\n\r\n");
    }

    /** The rows of PROTOCOL.md's answer-size table, by their answer: the first cell up to its " — ". */
    private static Map<String, String[]> table() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(PROTOCOL)) {
            inTable = inTable ? line.startsWith("|") : line.startsWith("| answer | keep-alive |");
            Matcher m = ROW.matcher(line);
            if (inTable && m.matches()) {
                rows.put(m.group(1).split(" — ")[0], new String[] {m.group(2), m.group(3)});
            }
        }
        return rows;
    }
}
