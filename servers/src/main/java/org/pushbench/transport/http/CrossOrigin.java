package org.pushbench.transport.http;

import java.util.Map;
import java.util.Set;

import org.pushbench.protocol.ChatError;
import org.pushbench.server.ServerConfig;

/**
 * What every HTTP transport does with a browser's {@code Origin}, the same rule as the WebSocket upgrade's
 * ({@link ServerConfig#originAllowed}): the server's own page is served as any client; a page of another,
 * allowed origin may read every answer ({@code Access-Control-Allow-Origin}) and have its preflight answered; a
 * page of any other origin may not change anything (403 before the store is touched). A request without {@code Origin} (every benchmark client)
 * passes untouched and gets no CORS header, so measured bytes do not change. Thread-safe: one per server.
 */
public final class CrossOrigin {

    /** Methods that change nothing: a refused origin may send them, and cannot read the answer. */
    private static final Set<String> SAFE = Set.of("GET", "HEAD");

    /** The answer to {@code OPTIONS}: a CORS preflight (a JSON POST), cached by the browser for ten minutes. */
    static final Answer PREFLIGHT = Answer.noContent(Map.of(
            "Allow", "GET, POST, OPTIONS",
            "Access-Control-Allow-Methods", "GET, POST",
            "Access-Control-Allow-Headers", "Content-Type",
            "Access-Control-Max-Age", "600"));

    private final ServerConfig config;

    public CrossOrigin(ServerConfig config) {
        this.config = config;
    }

    /**
     * Whether an answer to a page of {@code origin} names it in {@code Access-Control-Allow-Origin}: an allowed
     * origin other than the server's own (its own page needs no CORS header, and a benchmark's browser profile pays
     * none); {@code origin} null for a request without one.
     */
    public boolean mayRead(String origin, String host) {
        return origin != null && !config.sameOrigin(origin, host) && config.originAllowed(origin, host);
    }

    /**
     * @return the exchange to answer the request through: itself, or for an allowed origin one whose answers
     *         carry {@code Access-Control-Allow-Origin}
     * @throws ChatError 403 for a state-changing request (or a preflight) from an origin that is not allowed
     */
    HttpExchange admit(HttpExchange exchange) {
        String origin = exchange.origin();
        if (origin == null) {
            return exchange;
        }
        if (mayRead(origin, exchange.host())) {
            return new AllowedOriginExchange(exchange, origin);
        }
        if (config.sameOrigin(origin, exchange.host()) || SAFE.contains(exchange.method())) {
            return exchange;
        }
        throw ChatError.originRefused(origin);
    }
}
