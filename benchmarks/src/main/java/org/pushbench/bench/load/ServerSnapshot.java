package org.pushbench.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import org.pushbench.server.Transport;

/**
 * The server process's figures at one moment, as its own metrics endpoint reports them: the process as a whole
 * and the one transport under test.
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

    static ServerSnapshot of(JsonNode metrics, Transport transport) {
        JsonNode p = metrics.path("process");
        JsonNode t = metrics.path("transports").path(transport.id());
        if (t.isMissingNode()) {
            throw new IllegalStateException("the server reports no " + transport.id() + " transport");
        }
        return new ServerSnapshot(p.path("heapUsedBytes").asLong(),
                Math.max(p.path("directBufferBytes").asLong(), p.path("nettyDirectBytes").asLong()),
                p.path("liveThreads").asInt(), p.path("cpuTimeNanos").asLong(), p.path("residentBytes").asLong(),
                t.path("openConnections").asLong(), t.path("peakConnections").asLong(),
                t.path("heldRequests").asLong(), t.path("peakHeldRequests").asLong(),
                t.path("httpRequests").asLong(), t.path("emptyResponses").asLong(),
                t.path("messagesDelivered").asLong(), t.path("bytesRead").asLong(), t.path("bytesWritten").asLong(),
                metrics.path("store").path("subscribers").asLong());
    }
}
