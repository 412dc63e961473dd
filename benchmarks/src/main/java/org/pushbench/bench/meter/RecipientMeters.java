package org.pushbench.bench.meter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything the receiving clients of one run report to: their bytes, the latency of each delivery, the
 * delivery check, and the request counts that show what polling wastes.
 */
public final class RecipientMeters {

    private final WireMeter wire = new WireMeter();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final DeliveryCheck check = new DeliveryCheck();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder emptyResponses = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LateSendTimes late = new LateSendTimes();
    private volatile SendLog sendLog;
    private volatile String firstError;
    private final CompletableFuture<Long> firstDelivery = new CompletableFuture<>();
    private final CompletableFuture<Long> serverSilent = new CompletableFuture<>();
    private volatile Duration silenceLimit;

    public WireMeter wire() {
        return wire;
    }

    public LatencyRecorder latency() {
        return latency;
    }

    public DeliveryCheck check() {
        return check;
    }

    /** Completes with the {@link System#nanoTime()} at which the first accepted message was parsed. */
    public CompletableFuture<Long> firstDelivery() {
        return firstDelivery;
    }

    /**
     * Gives the clients on these meters a liveness rule: a connection that reads nothing for {@code limit} means
     * the server is gone ({@link #serverSilent()}). Set before they connect.
     */
    public void watchSilence(Duration limit) {
        this.silenceLimit = limit;
    }

    /** The liveness rule's limit; null for none (the default). */
    public Duration silenceLimit() {
        return silenceLimit;
    }

    /** Completes with the {@link System#nanoTime()} at which a client's liveness rule first found its server silent. */
    public CompletableFuture<Long> serverSilent() {
        return serverSilent;
    }

    /** The schedule the deliveries are timed against; null until set. */
    public SendLog sendLog() {
        return sendLog;
    }

    /** The schedule whose stamps the deliveries carry; until set, deliveries are checked but not timed. */
    public void sendLog(SendLog log) {
        this.sendLog = log;
    }

    /** A recipient parsed message {@code id} carrying {@code stamp} at {@code receivedNanos}. */
    public void delivered(DeliveryCheck.Recipient recipient, long id, long stamp, long receivedNanos) {
        if (!recipient.accept(id)) {
            return;
        }
        deliveries.increment();
        if (!firstDelivery.isDone()) {
            firstDelivery.complete(receivedNanos);
        }
        SendLog log = sendLog;
        if (log != null && stamp >= 0) {
            if (log.hasSent(stamp)) {
                time(log, stamp, receivedNanos);
            } else {
                late.await(stamp, receivedNanos);
                sendTimesArrived();
            }
        }
    }

    private void time(SendLog log, long stamp, long receivedNanos) {
        try {
            latency.record(log.intendedNanos(stamp), log.actualSendNanos(stamp), receivedNanos);
        } catch (IllegalStateException tooFarBehind) {
            error(tooFarBehind.getMessage());
        }
    }

    /**
     * Times the deliveries that came before their send time was known (members in another process than the
     * publisher learn it by message); call whenever send times were logged.
     */
    public void sendTimesArrived() {
        SendLog log = sendLog;
        if (log != null) {
            late.drain(log, (stamp, receivedNanos) -> time(log, stamp, receivedNanos));
        }
    }

    /** A polling request went out. */
    public void requested() {
        requests.increment();
    }

    /** A polling request came back with no message. */
    public void answeredEmpty() {
        emptyResponses.increment();
    }

    /** An answer the protocol does not expect of a healthy run (an error status, a gap, a close code). */
    public void error(String what) {
        errors.increment();
        if (firstError == null) {
            firstError = what;
        }
    }

    /** A client lost its connection while still a member and is opening a new one. */
    public void reconnected() {
        reconnects.increment();
    }

    /** How many times the clients reconnected. */
    public long reconnects() {
        return reconnects.sum();
    }

    public String firstError() {
        return firstError;
    }

    public Counts counts() {
        return new Counts(deliveries.sum(), requests.sum(), emptyResponses.sum(), errors.sum());
    }

    /** Counter values at one moment; {@link #minus} gives a window. */
    public record Counts(long deliveries, long requests, long emptyResponses, long errors) {
        public Counts plus(Counts other) {
            return new Counts(deliveries + other.deliveries, requests + other.requests,
                    emptyResponses + other.emptyResponses, errors + other.errors);
        }

        public Counts minus(Counts earlier) {
            return new Counts(deliveries - earlier.deliveries, requests - earlier.requests,
                    emptyResponses - earlier.emptyResponses, errors - earlier.errors);
        }
    }
}
