package org.pushbench.bench.soak;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.pushbench.bench.load.AdminClient;
import org.pushbench.bench.load.ServerReading;
import org.pushbench.bench.load.ServerSnapshot;
import org.pushbench.server.Transport;

/**
 * What the soak watches in the server at one moment: heap and threads of the process, and what each transport
 * still holds for its clients.
 *
 * @param heapUsedBytes    heap in use; after a full GC when read with {@code gcFirst}
 * @param liveThreads      the process's live threads
 * @param storeSubscribers readers waiting on the store: WebSocket members and held long polls
 * @param transports       open connections and held requests, per transport
 */
public record ServerState(long heapUsedBytes, int liveThreads, long storeSubscribers,
        Map<Transport, Held> transports) {

    /** One transport's open connections and held long polls. */
    public record Held(long openConnections, long heldRequests) {
    }

    /**
     * Reads every transport's figures at one moment (one request); with {@code gcFirst} the heap is measured after
     * a full collection.
     */
    public static ServerState read(AdminClient admin, boolean gcFirst) throws IOException, InterruptedException {
        ServerReading reading = admin.read(gcFirst);
        Map<Transport, Held> transports = new EnumMap<>(Transport.class);
        for (Transport t : Transport.values()) {
            ServerSnapshot s = reading.of(t);
            transports.put(t, new Held(s.openConnections(), s.heldRequests()));
        }
        ServerSnapshot process = reading.of(Transport.SHORT_POLLING);
        return new ServerState(process.heapUsedBytes(), process.liveThreads(), process.storeSubscribers(), transports);
    }

    /**
     * Polls until nothing is held for anyone (no connection, no held request, no store subscriber) or the timeout
     * passes; returns the last state read.
     */
    public static ServerState awaitReleased(AdminClient admin, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServerState state = read(admin, false);
        while (!state.released() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            state = read(admin, false);
        }
        return state;
    }

    /** Whether the server holds nothing for any client. */
    public boolean released() {
        return storeSubscribers == 0
                && transports.values().stream().allMatch(h -> h.openConnections() == 0 && h.heldRequests() == 0);
    }
}
