package org.pushbench.transport.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.RoomName;

/**
 * A parsed request target of the chat protocol: {@code /rooms/{room}/messages?after=N&wait=MS},
 * {@code /rooms/{room}/ws?after=N} or {@code /rooms/{room}/events?after=N}. Unknown query parameters are
 * ignored (browsers add cache busters); a broken percent-escape is a 400 like any other bad parameter.
 *
 * @param kind       which resource
 * @param room       a valid room name
 * @param after      the client's cursor, 0 when absent
 * @param afterGiven whether the request named a cursor (a push stream sends the backlog only then)
 * @param waitMillis the {@code wait} parameter, or -1 when absent
 */
public record RequestTarget(Kind kind, String room, long after, boolean afterGiven, long waitMillis) {

    public enum Kind {
        /** {@code /rooms/{room}/messages}: POST a message, GET the messages after a cursor. */
        MESSAGES("messages"),
        /** {@code /rooms/{room}/ws}: the WebSocket upgrade. */
        WEBSOCKET("ws"),
        /** {@code /rooms/{room}/events}: the Server-Sent Events stream. */
        EVENTS("events");

        private final String segment;

        Kind(String segment) {
            this.segment = segment;
        }
    }

    /**
     * Parses a request target (path and query, not decoded).
     *
     * @throws ChatError 404 for a path outside the protocol, 400 for a bad room name, escape, {@code after} or
     *                   {@code wait}
     */
    public static RequestTarget parse(String target) {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String[] parts = path.split("/", -1);
        if (parts.length != 4 || !parts[0].isEmpty() || !parts[1].equals("rooms")) {
            throw ChatError.notFound(path);
        }
        Kind kind = kindOf(parts[3], path);
        String room = RoomName.require(parts[2]);
        Map<String, List<String>> query = question < 0 ? Map.of() : query(target.substring(question + 1));
        long after = nonNegative(query, "after", 0);
        long wait = nonNegative(query, "wait", -1);
        return new RequestTarget(kind, room, after, query.containsKey("after"), wait);
    }

    private static Kind kindOf(String segment, String path) {
        for (Kind k : Kind.values()) {
            if (k.segment.equals(segment)) {
                return k;
            }
        }
        throw ChatError.notFound(path);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        }
        return values;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ChatError.badRequest("the query has a broken percent-escape: \"" + raw + "\"");
        }
    }

    private static long nonNegative(Map<String, List<String>> query, String name, long absent) {
        List<String> values = query.get(name);
        if (values == null) {
            return absent;
        }
        if (values.size() != 1) {
            throw ChatError.badRequest("\"" + name + "\" given more than once");
        }
        try {
            long value = Long.parseLong(values.get(0));
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below with the same message as a negative number
        }
        throw ChatError.badRequest("\"" + name + "\" must be a non-negative integer, not \"" + values.get(0) + "\"");
    }
}
