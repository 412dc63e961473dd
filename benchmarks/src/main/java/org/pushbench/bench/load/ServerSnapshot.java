package org.pushbench.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import org.pushbench.server.Transport;

/**
 * The server process's figures at one moment, as its own metrics endpoint reports them: the process as a whole
 * and the one transport under test, and the store's waiting readers (WebSocket members and held long polls).
 * A figure the server does not report is {@link #ABSENT}.
 */
public record ServerSnapshot(
        long heapUsedBytes,
        long directBytes,
        int liveThreads,
        long cpuTimeNanos,
        long residentBytes,
        long openConnections,
        long peakConnections,
        long heldRequests,
        long peakHeldRequests,
        long httpRequests,
        long emptyResponses,
        long messagesDelivered,
        long bytesRead,
        long bytesWritten,
        long storeSubscribers) {

    /** A figure the server did not report (or that its probe cannot read): never counted as 0. */
    public static final long ABSENT = -1;

    static ServerSnapshot absent() {
        return new ServerSnapshot(ABSENT, ABSENT, (int) ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT,
                ABSENT, ABSENT, ABSENT, ABSENT, ABSENT);
    }

    /** The figures of {@code /metrics} (docs/PROTOCOL.md); a server may leave any of them out. */
    static ServerSnapshot of(JsonNode metrics, Transport transport) {
        JsonNode p = metrics.path("process");
        JsonNode t = metrics.path("transports").path(transport.id());
        return new ServerSnapshot(get(p, "heapUsedBytes"),
                Math.max(get(p, "directBufferBytes"), get(p, "nettyDirectBytes")),
                (int) get(p, "liveThreads"), get(p, "cpuTimeNanos"), get(p, "residentBytes"),
                get(t, "openConnections"), get(t, "peakConnections"), get(t, "heldRequests"),
                get(t, "peakHeldRequests"), get(t, "httpRequests"), get(t, "emptyResponses"),
                get(t, "messagesDelivered"), get(t, "bytesRead"), get(t, "bytesWritten"),
                get(metrics.path("store"), "subscribers"));
    }

    private static long get(JsonNode object, String field) {
        return object.path(field).asLong(ABSENT);
    }
}
