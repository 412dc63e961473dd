package org.pushbench.server;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters of one chat server: what its transport costs, counted by the server itself.
 *
 * <p>Gauges (open connections, held requests) go up and down and remember their peak; counters only grow.
 * {@link #reset()} zeroes the counters and sets each peak to the gauge's current value, so a benchmark can
 * measure one iteration at a time. Bytes are counted at the socket, headers, handshakes and control frames
 * included.
 */
public final class TransportMetrics {

    private final Gauge connections = new Gauge();
    private final Gauge heldRequests = new Gauge();
    private final LongAdder httpRequests = new LongAdder();
    private final LongAdder emptyResponses = new LongAdder();
    private final LongAdder messagesAppended = new LongAdder();
    private final LongAdder messagesDelivered = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder connectionsRefused = new LongAdder();
    private final DemoClientMetrics demoClients = new DemoClientMetrics();

    public void connectionOpened() {
        connections.increment();
    }

    public void connectionClosed() {
        connections.decrement();
    }

    public void connectionRefused() {
        connectionsRefused.increment();
    }

    public void requestHeld() {
        heldRequests.increment();
    }

    public void heldRequestReleased() {
        heldRequests.decrement();
    }

    public void httpRequest() {
        httpRequests.increment();
    }

    public void emptyResponse() {
        emptyResponses.increment();
    }

    public void messageAppended() {
        messagesAppended.increment();
    }

    public void messagesDelivered(int count) {
        messagesDelivered.add(count);
    }

    public void bytesRead(long count) {
        bytesRead.add(count);
    }

    public void bytesWritten(long count) {
        bytesWritten.add(count);
    }

    /** The per-client counters of the classroom demo's tagged connections (docs/DEMO.md). */
    public DemoClientMetrics demoClients() {
        return demoClients;
    }

    public long openConnections() {
        return connections.current();
    }

    public long heldRequests() {
        return heldRequests.current();
    }

    public void reset() {
        connections.resetPeak();
        heldRequests.resetPeak();
        httpRequests.reset();
        emptyResponses.reset();
        messagesAppended.reset();
        messagesDelivered.reset();
        bytesRead.reset();
        bytesWritten.reset();
        connectionsRefused.reset();
        demoClients.reset();
    }

    public Snapshot snapshot() {
        return new Snapshot(connections.current(), connections.peak(), connectionsRefused.sum(),
                heldRequests.current(), heldRequests.peak(), httpRequests.sum(), emptyResponses.sum(),
                messagesAppended.sum(), messagesDelivered.sum(), bytesRead.sum(), bytesWritten.sum());
    }

    /** The counters at one moment, as the metrics endpoint serves them. */
    public record Snapshot(
            long openConnections,
            long peakConnections,
            long connectionsRefused,
            long heldRequests,
            long peakHeldRequests,
            long httpRequests,
            long emptyResponses,
            long messagesAppended,
            long messagesDelivered,
            long bytesRead,
            long bytesWritten) {
    }

    /** A value that goes up and down and remembers its highest point since the last reset. */
    private static final class Gauge {
        private final AtomicLong current = new AtomicLong();
        private final AtomicLong peak = new AtomicLong();

        void increment() {
            long now = current.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
        }

        void decrement() {
            current.decrementAndGet();
        }

        long current() {
            return current.get();
        }

        long peak() {
            return peak.get();
        }

        void resetPeak() {
            peak.set(current.get());
        }
    }
}
