package org.pushbench.bench.meter;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Delivery latency in microseconds, 3 significant digits, two ways at once as wrk2 reports it: <em>corrected</em>
 * from the message's intended send time (a stalled sender cannot hide its stall), and <em>uncorrected</em> from
 * the moment it was actually sent. Recorded from any event loop; read per measurement window.
 */
public final class LatencyRecorder {

    /** Latencies above an hour are clamped to an hour: such a run is broken anyway and says so elsewhere. */
    public static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    public static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder corrected = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private final Recorder uncorrected = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);

    /** One sample: a recipient parsed a message at {@code receivedNanos} ({@link System#nanoTime()}). */
    public void record(long intendedNanos, long actualSendNanos, long receivedNanos) {
        corrected.recordValue(micros(receivedNanos - intendedNanos));
        uncorrected.recordValue(micros(receivedNanos - actualSendNanos));
    }

    private static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    /** The samples since the previous call (or since creation), and a fresh window from now on. */
    public Window takeWindow() {
        return new Window(corrected.getIntervalHistogram(), uncorrected.getIntervalHistogram());
    }

    public static Histogram emptyHistogram() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    /** The corrected and uncorrected samples of one window. */
    public record Window(Histogram corrected, Histogram uncorrected) {
    }
}
