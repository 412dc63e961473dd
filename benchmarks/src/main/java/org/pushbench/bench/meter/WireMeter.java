package org.pushbench.bench.meter;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bytes on the wire for a group of clients: the socket totals, counted at the bottom of every client pipeline by
 * {@link SocketByteCounter}, and the same bytes attributed to {@link WireCategory categories} by the clients as
 * they complete each exchange or frame. The socket totals are the measurement; the categories split it.
 */
public final class WireMeter {

    private final LongAdder socketRead = new LongAdder();
    private final LongAdder socketWritten = new LongAdder();
    private final Map<WireCategory, LongAdder> categories = new EnumMap<>(WireCategory.class);

    public WireMeter() {
        for (WireCategory c : WireCategory.values()) {
            categories.put(c, new LongAdder());
        }
    }

    void socketRead(long bytes) {
        socketRead.add(bytes);
    }

    void socketWritten(long bytes) {
        socketWritten.add(bytes);
    }

    public void attribute(WireCategory category, long bytes) {
        categories.get(category).add(bytes);
    }

    public Snapshot snapshot() {
        long[] byCategory = new long[WireCategory.values().length];
        for (WireCategory c : WireCategory.values()) {
            byCategory[c.ordinal()] = categories.get(c).sum();
        }
        return new Snapshot(socketRead.sum(), socketWritten.sum(), byCategory);
    }

    /** The counts at one moment; {@link #minus} gives the counts of a measurement window. */
    public record Snapshot(long read, long written, long[] byCategory) {

        public long total() {
            return read + written;
        }

        public long get(WireCategory category) {
            return byCategory[category.ordinal()];
        }

        public long attributed() {
            long sum = 0;
            for (long b : byCategory) {
                sum += b;
            }
            return sum;
        }

        /**
         * Bytes counted at the socket but not yet attributed: requests still waiting for their answer (a held
         * long poll) and exchanges cut by the window's edge. Small against a window's total.
         */
        public long inFlight() {
            return total() - attributed();
        }

        public Snapshot plus(Snapshot other) {
            long[] sum = new long[byCategory.length];
            for (int i = 0; i < sum.length; i++) {
                sum[i] = byCategory[i] + other.byCategory[i];
            }
            return new Snapshot(read + other.read, written + other.written, sum);
        }

        public Snapshot minus(Snapshot earlier) {
            long[] diff = new long[byCategory.length];
            for (int i = 0; i < diff.length; i++) {
                diff[i] = byCategory[i] - earlier.byCategory[i];
            }
            return new Snapshot(read - earlier.read, written - earlier.written, diff);
        }
    }
}
