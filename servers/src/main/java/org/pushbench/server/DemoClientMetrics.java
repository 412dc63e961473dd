package org.pushbench.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * What one server counted for each tagged demo client: the classroom page adds {@code client=<id>} to its
 * request URLs so that it can show the bytes the server saw for its own connections, headers included.
 *
 * <p>At most {@link #MAX_CLIENTS} ids are tracked per server; a new id evicts the oldest, so no client can grow
 * server memory by inventing ids. A socket's bytes reach these counters through a {@link DemoConnection}.
 */
public final class DemoClientMetrics {

    /** The most ids tracked by one server. */
    public static final int MAX_CLIENTS = 64;

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final Map<String, Counters> clients = new LinkedHashMap<>();

    /**
     * The demo client id of a request target: its {@code client} query parameter when it is 1 to 40 characters
     * of {@code A-Z a-z 0-9 _ -}, else {@code null} (an untagged request, like every benchmark request).
     */
    public static String clientIdOf(String uri) {
        // Most requests carry no tag: spare them the scan.
        if (!uri.contains("client=")) {
            return null;
        }
        int question = uri.indexOf('?');
        String id = null;
        for (String pair : uri.substring(question + 1).split("&")) {
            if (pair.startsWith("client=")) {
                if (id != null) {
                    return null;
                }
                id = pair.substring("client=".length());
            }
        }
        // Valid ids need no decoding; anything escaped is not one.
        return id != null && question >= 0 && CLIENT_ID.matcher(id).matches() ? id : null;
    }

    /** The attribution of one new socket; call {@link DemoConnection#closed()} when it closes. */
    public DemoConnection newConnection() {
        return new AttributedConnection(this);
    }

    synchronized Counters countersOf(String id) {
        Counters counters = clients.get(id);
        if (counters == null) {
            if (clients.size() >= MAX_CLIENTS) {
                var oldest = clients.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            counters = new Counters();
            clients.put(id, counters);
        }
        return counters;
    }

    /** Zeroes every client's counters (open connections stay: they are a gauge). */
    public synchronized void reset() {
        clients.values().forEach(Counters::reset);
    }

    /** The tracked clients, oldest first. */
    public synchronized Map<String, Snapshot> snapshot() {
        Map<String, Snapshot> result = new LinkedHashMap<>();
        clients.forEach((id, c) -> result.put(id, c.snapshot()));
        return result;
    }

    /** One client's counters at one moment, as {@code /metrics} serves them under {@code demoClients}. */
    public record Snapshot(long bytesIn, long bytesOut, long requests, long emptyResponses, long openConnections) {
    }

    /** The live counters of one client id. */
    static final class Counters {
        final LongAdder bytesIn = new LongAdder();
        final LongAdder bytesOut = new LongAdder();
        final LongAdder requests = new LongAdder();
        final LongAdder emptyResponses = new LongAdder();
        final AtomicLong openConnections = new AtomicLong();

        void reset() {
            bytesIn.reset();
            bytesOut.reset();
            requests.reset();
            emptyResponses.reset();
        }

        Snapshot snapshot() {
            return new Snapshot(bytesIn.sum(), bytesOut.sum(), requests.sum(), emptyResponses.sum(),
                    openConnections.get());
        }
    }
}
