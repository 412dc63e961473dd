package org.pushbench.server;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The four ways a chat client can learn of new messages, with their default ports. */
public enum Transport {
    /** The client asks every poll interval; the server answers at once, often with nothing. */
    SHORT_POLLING("short-polling", 8081),
    /** The client asks; the server holds the request until there is a message or the wait runs out. */
    LONG_POLLING("long-polling", 8082),
    /** One upgraded connection; the server pushes each message as a frame. */
    WEBSOCKET("websocket", 8083),
    /** One HTTP response that never ends (Server-Sent Events); the server writes each message as an event. */
    SSE("sse", 8084);

    private final String id;
    private final int defaultPort;

    Transport(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    /** The name used on the command line, in metrics and in result files. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * Whether its servers offer HTTP/2 beside HTTP/1.1 (ALPN h2, h2c with prior knowledge): the HTTP transports.
     * WebSocket over HTTP/2 (RFC 8441) is not built, so WebSocket's servers speak HTTP/1.1 only.
     */
    public boolean offersHttp2() {
        return this != WEBSOCKET;
    }

    /** Parses {@link #id()} or the enum name, case-insensitively. */
    public static Transport parse(String name) {
        for (Transport t : values()) {
            if (t.id.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport \"" + name + "\"; expected one of "
                + Arrays.stream(values()).map(Transport::id).collect(Collectors.joining(", ")));
    }
}
