package org.pushbench.transport.http;

import java.util.Map;

import org.pushbench.protocol.ChatError;

/**
 * One HTTP answer of the chat protocol, engine-independent: a status, a JSON body, at most a few extra headers,
 * and whether the connection closes after it. Engines write it with {@code Content-Type: application/json} and
 * {@code Content-Length} and nothing else (no Date, no Server), so header bytes are the protocol's own.
 *
 * @param status    the HTTP status
 * @param json      the body
 * @param headers   extra headers ({@code Allow} on a 405, {@code Sec-WebSocket-Version} on a 426), usually none
 * @param close     whether the connection closes after the answer (a request not worth reading to its end)
 * @param emptyRead whether this is a read that found nothing: {@code 200 []}
 */
public record Answer(int status, byte[] json, Map<String, String> headers, boolean close, boolean emptyRead) {

    public static Answer of(int status, byte[] json) {
        return new Answer(status, json, Map.of(), false, false);
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
