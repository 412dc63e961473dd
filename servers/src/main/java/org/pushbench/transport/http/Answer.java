package org.pushbench.transport.http;

import java.util.HashMap;
import java.util.Map;

import org.pushbench.protocol.ChatError;

/**
 * One HTTP answer of the chat protocol, engine-independent: a status, a JSON body, at most a few extra headers,
 * and whether the connection closes after it. Engines write it with {@code Content-Type: application/json} and
 * {@code Content-Length} and nothing else (no Date, no Server), so header bytes are the protocol's own; a
 * {@code 204} has neither body nor those two headers.
 *
 * @param status    the HTTP status
 * @param json      the body
 * @param headers   extra headers ({@code Allow} on a 405, {@code Sec-WebSocket-Version} on a 426, CORS for a
 *                  browser page of an allowed origin), usually none
 * @param close     whether the connection closes after the answer (a request not worth reading to its end)
 * @param emptyRead whether this is a read that found nothing: {@code 200 []}
 */
public record Answer(int status, byte[] json, Map<String, String> headers, boolean close, boolean emptyRead) {

    public static Answer of(int status, byte[] json) {
        return new Answer(status, json, Map.of(), false, false);
    }

    /** {@code 204 No Content} with these headers. */
    public static Answer noContent(Map<String, String> headers) {
        return new Answer(204, new byte[0], headers, false, false);
    }

    /** This answer with one more header. */
    public Answer withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new Answer(status, json, Map.copyOf(more), close, emptyRead);
    }

    /** The protocol's answer to a refused request; see {@link ChatError#toJson()}. */
    public static Answer error(ChatError error) {
        return new Answer(error.status(), error.toJson(), error.headers(), false, false);
    }

    /** An error after which the connection closes: the rest of the request is not worth reading. */
    public static Answer errorAndClose(ChatError error) {
        return new Answer(error.status(), error.toJson(), error.headers(), true, false);
    }
}
