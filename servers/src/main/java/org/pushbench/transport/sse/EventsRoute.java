package org.pushbench.transport.sse;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.pushbench.protocol.ChatError;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.transport.http.CrossOrigin;
import org.pushbench.transport.http.RequestTarget;

/**
 * Checks a request for {@code /rooms/{room}/events} before any response head, the same on every engine, and
 * says where the stream starts: after the {@code Last-Event-ID} a browser's EventSource sends when it reconnects,
 * else after {@code ?after=N}, else at the room's newest message. Only GET is allowed (405); the Origin rule is
 * the other HTTP transports' ({@link CrossOrigin}): an allowed page may read the stream, any other page's
 * EventSource gets no CORS header and so cannot. Thread-safe: one per server.
 */
public final class EventsRoute {

    /** The response head the stream starts with: its type, no caching, and the CORS header if any. */
    public record Opening(RequestTarget target, long after, Map<String, String> headers) {
    }

    private final TransportMetrics metrics;
    private final CrossOrigin crossOrigin;

    public EventsRoute(TransportMetrics metrics, ServerConfig config) {
        this.metrics = metrics;
        this.crossOrigin = new CrossOrigin(config);
    }

    /**
     * @param headers a request header by name (case-insensitive), {@code null} when absent
     * @return the stream to open, or {@code null} when the request is not for a valid events path: the messages
     *         resource answers it (a POST, or the protocol's 400 or 404)
     * @throws ChatError the refusal to answer with (405, or 400 for a bad {@code Last-Event-ID})
     */
    public Opening check(String method, String target, UnaryOperator<String> headers) {
        RequestTarget parsed;
        try {
            parsed = RequestTarget.parse(target);
        } catch (ChatError notOurs) {
            return null;
        }
        if (parsed.kind() != RequestTarget.Kind.EVENTS) {
            return null;
        }
        metrics.httpRequest();
        if (!method.equals("GET")) {
            throw ChatError.methodNotAllowed(method, "GET");
        }
        String origin = headers.apply("Origin");
        Map<String, String> cors = crossOrigin.mayRead(origin, headers.apply("Host"))
                ? Map.of("Access-Control-Allow-Origin", origin) : Map.of();
        return new Opening(parsed, after(parsed, headers.apply("Last-Event-ID")), cors);
    }

    /** The cursor: a reconnect's Last-Event-ID before the URL's after (an EventSource reconnects to the URL it first opened). */
    private static long after(RequestTarget target, String lastEventId) {
        if (lastEventId != null && !lastEventId.isEmpty()) {
            try {
                long id = Long.parseLong(lastEventId.trim());
                if (id >= 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // answered below, as a negative one
            }
            throw ChatError.badRequest("Last-Event-ID must be a message id (a non-negative integer), not \""
                    + lastEventId + "\"");
        }
        return target.afterGiven() ? target.after() : -1;
    }
}
