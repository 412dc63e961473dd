package org.pushbench.server;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.pushbench.server.tls.TlsConfig;

/**
 * Settings shared by every server of a process. Defaults are the safe ones: loopback only, 1 MiB messages and answers.
 *
 * @param bindAddress     the address to listen on
 * @param maxMessageBytes the largest POST body or WebSocket message accepted (413 / close 1009 beyond)
 * @param maxAnswerBytes  the largest body of a polling answer: it ends at the last whole message within it (but
 *                        holds at least one), and the client reads on from its cursor
 * @param defaultWait     the long-poll hold time when the request gives no {@code wait}
 * @param maxWait         the longest hold a {@code wait} may ask for; longer ones are clamped
 * @param pingInterval    how often the WebSocket server pings an idle connection
 * @param pongTimeout     how long the WebSocket server waits for a pong (or any frame) before it closes
 * @param idleTimeout     how long an HTTP connection may sit with no request (and no held one) before it is closed
 * @param maxConnections  connections per server; further ones are refused
 * @param allowedOrigins  browser {@code Origin} values accepted by WebSocket besides the server's own host, and
 *                        allowed to read the polling servers' answers (CORS); {@code *} for any
 * @param classroomDemo   whether the servers carry the classroom demo's instrumentation (per-client byte
 *                        attribution, request tags, CORS); off for every server a benchmark measures
 * @param tls             TLS on every server (https, wss), or empty for plaintext
 * @param eventRetry      the reconnection time a Server-Sent Events stream announces once, in its {@code retry:}
 *                        field
 * @param eventKeepAlive  how often a Server-Sent Events stream sends a comment line, so that a quiet stream can be
 *                        told from a dead one
 */
public record ServerConfig(
        String bindAddress,
        int maxMessageBytes,
        int maxAnswerBytes,
        Duration defaultWait,
        Duration maxWait,
        Duration pingInterval,
        Duration pongTimeout,
        Duration idleTimeout,
        int maxConnections,
        Set<String> allowedOrigins,
        boolean classroomDemo,
        Optional<TlsConfig> tls,
        Duration eventRetry,
        Duration eventKeepAlive) {

    public static final int ONE_MIB = 1 << 20;

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", ONE_MIB, ONE_MIB, Duration.ofSeconds(30), Duration.ofSeconds(120),
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60), 20_000, Set.of(), false,
                Optional.empty(), Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    public ServerConfig withBindAddress(String value) {
        return new ServerConfig(value, maxMessageBytes, maxAnswerBytes, defaultWait, maxWait, pingInterval, pongTimeout,
                idleTimeout, maxConnections, allowedOrigins, classroomDemo, tls, eventRetry,
                eventKeepAlive);
    }

    public ServerConfig withMaxMessageBytes(int value) {
        return new ServerConfig(bindAddress, value, maxAnswerBytes, defaultWait, maxWait, pingInterval, pongTimeout,
                idleTimeout, maxConnections, allowedOrigins, classroomDemo, tls, eventRetry,
                eventKeepAlive);
    }

    public ServerConfig withMaxAnswerBytes(int value) {
        return new ServerConfig(bindAddress, maxMessageBytes, value, defaultWait, maxWait, pingInterval, pongTimeout,
                idleTimeout, maxConnections, allowedOrigins, classroomDemo, tls, eventRetry,
                eventKeepAlive);
    }

    public ServerConfig withWaits(Duration defaultValue, Duration maxValue) {
        return new ServerConfig(bindAddress, maxMessageBytes, maxAnswerBytes, defaultValue, maxValue, pingInterval, pongTimeout,
                idleTimeout, maxConnections, allowedOrigins, classroomDemo, tls, eventRetry,
                eventKeepAlive);
    }

    public ServerConfig withPing(Duration interval, Duration timeout) {
        return new ServerConfig(bindAddress, maxMessageBytes, maxAnswerBytes, defaultWait, maxWait, interval, timeout,
                idleTimeout, maxConnections, allowedOrigins, classroomDemo, tls, eventRetry,
                eventKeepAlive);
    }

    public ServerConfig withIdleTimeout(Duration value) {
        return new ServerConfig(bindAddress, maxMessageBytes, maxAnswerBytes, defaultWait, maxWait, pingInterval, pongTimeout,
                value, maxConnections, allowedOrigins, classroomDemo, tls, eventRetry,
                eventKeepAlive);
    }

    public ServerConfig withMaxConnections(int value) {
        return new ServerConfig(bindAddress, maxMessageBytes, maxAnswerBytes, defaultWait, maxWait, pingInterval, pongTimeout,
                idleTimeout, value, allowedOrigins, classroomDemo, tls, eventRetry,
                eventKeepAlive);
    }

    public ServerConfig withAllowedOrigins(Set<String> value) {
        return new ServerConfig(bindAddress, maxMessageBytes, maxAnswerBytes, defaultWait, maxWait, pingInterval, pongTimeout,
                idleTimeout, maxConnections, Set.copyOf(value), classroomDemo, tls, eventRetry,
                eventKeepAlive);
    }

    public ServerConfig withClassroomDemo(boolean value) {
        return new ServerConfig(bindAddress, maxMessageBytes, maxAnswerBytes, defaultWait, maxWait, pingInterval, pongTimeout,
                idleTimeout, maxConnections, allowedOrigins, value, tls, eventRetry,
                eventKeepAlive);
    }

    public ServerConfig withTls(TlsConfig value) {
        return new ServerConfig(bindAddress, maxMessageBytes, maxAnswerBytes, defaultWait, maxWait, pingInterval, pongTimeout,
                idleTimeout, maxConnections, allowedOrigins, classroomDemo, Optional.of(value),
                eventRetry, eventKeepAlive);
    }

    /** The Server-Sent Events stream's {@code retry:} value and keep-alive comment interval. */
    public ServerConfig withEvents(Duration retry, Duration keepAlive) {
        return new ServerConfig(bindAddress, maxMessageBytes, maxAnswerBytes, defaultWait, maxWait, pingInterval,
                pongTimeout, idleTimeout, maxConnections, allowedOrigins, classroomDemo, tls, retry, keepAlive);
    }

    /**
     * Whether a WebSocket upgrade from a browser page at {@code origin} is accepted: the page is this server's own
     * ({@code origin}'s authority is the request's {@code host}) or allowed by {@link #allowedOrigins}. So a page
     * from another site cannot open a chat connection with the user's cookies.
     */
    public boolean originAllowed(String origin, String host) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin) || sameOrigin(origin, host);
    }

    /** Whether {@code origin} is the server's own: its authority is the request's {@code host}. */
    public boolean sameOrigin(String origin, String host) {
        try {
            String authority = URI.create(origin).getAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The hold time for a long poll that asked for {@code waitMillis} (-1: not given), clamped to the maximum. */
    public long holdMillis(long waitMillis) {
        long asked = waitMillis < 0 ? defaultWait.toMillis() : waitMillis;
        return Math.min(asked, maxWait.toMillis());
    }
}
