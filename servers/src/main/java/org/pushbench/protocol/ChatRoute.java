package org.pushbench.protocol;

import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * A parsed request target of the chat protocol: {@code /rooms/{room}/messages?after=N&wait=MS} or
 * {@code /rooms/{room}/ws?after=N}. Unknown query parameters are ignored (browsers add cache busters).
 *
 * @param kind   which resource
 * @param room   a valid room name
 * @param after  the client's cursor, 0 when absent
 * @param afterGiven whether the request named a cursor (a WebSocket sends the backlog only then)
 * @param waitMillis the {@code wait} parameter, or -1 when absent
 */
public record ChatRoute(Kind kind, String room, long after, boolean afterGiven, long waitMillis) {

    public enum Kind {
        /** {@code /rooms/{room}/messages}: POST a message, GET the messages after a cursor. */
        MESSAGES,
        /** {@code /rooms/{room}/ws}: the WebSocket upgrade. */
        WEBSOCKET
    }

    /**
     * Parses a request target.
     *
     * @throws ChatError 404 for a path outside the protocol, 400 for a bad room name, {@code after} or {@code wait}
     */
    public static ChatRoute parse(String uri) {
        QueryStringDecoder decoder = new QueryStringDecoder(uri);
        String[] parts = decoder.rawPath().split("/", -1);
        if (parts.length != 4 || !parts[0].isEmpty() || !parts[1].equals("rooms")) {
            throw ChatError.notFound(decoder.rawPath());
        }
        Kind kind = switch (parts[3]) {
            case "messages" -> Kind.MESSAGES;
            case "ws" -> Kind.WEBSOCKET;
            default -> throw ChatError.notFound(decoder.rawPath());
        };
        String room = RoomName.require(parts[2]);
        Map<String, List<String>> query = decoder.parameters();
        long after = nonNegative(query, "after", 0);
        long wait = nonNegative(query, "wait", -1);
        return new ChatRoute(kind, room, after, query.containsKey("after"), wait);
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
