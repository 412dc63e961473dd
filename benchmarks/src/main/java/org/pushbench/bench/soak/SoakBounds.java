package org.pushbench.bench.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * What a soak must show to pass, and the growth it tolerates.
 *
 * <p>Heap after a full GC may grow by {@link #HEAP_GROWTH_BYTES}: the store keeps the newest 1,024 messages per
 * room (three rooms of ~200-byte messages, under 1 MiB once full, and rooms fill during the run), and Netty's
 * and Jetty's pools may keep a few more buffers. In a default 10-minute run a leak of 4 KiB per vanished client
 * (some 9,000), 1 KiB per message (some 37,000) or 5 bytes per delivery (some 7 million) exceeds it. Threads may
 * grow by {@link #THREAD_GROWTH}: the engines' pools are sized at start, so a thread per client or per round of
 * churn exceeds it within seconds.
 */
final class SoakBounds {

    static final long HEAP_GROWTH_BYTES = 32L << 20;
    static final int THREAD_GROWTH = 4;

    private SoakBounds() {
    }

    /** Every reason the soak failed; empty when it passed. */
    static List<String> violations(List<TransportResult> results, String churnFailure, ServerState start,
            ServerState end, ServerState afterClose) {
        List<String> violations = new ArrayList<>();
        for (TransportResult r : results) {
            if (r.failure() != null) {
                violations.add(r.transport().id() + ": " + r.failure());
            }
        }
        if (churnFailure != null) {
            violations.add(churnFailure);
        }
        if (end.heapUsedBytes() - start.heapUsedBytes() > HEAP_GROWTH_BYTES) {
            violations.add(String.format("heap after GC grew %s, more than the %s allowed",
                    SoakReport.mib(end.heapUsedBytes() - start.heapUsedBytes()), SoakReport.mib(HEAP_GROWTH_BYTES)));
        }
        if (end.liveThreads() - start.liveThreads() > THREAD_GROWTH) {
            violations.add(String.format("live threads grew from %d to %d, more than the %d allowed",
                    start.liveThreads(), end.liveThreads(), THREAD_GROWTH));
        }
        if (!afterClose.released()) {
            violations.add("the server still holds resources after every client closed: " + afterClose);
        }
        return violations;
    }
}
