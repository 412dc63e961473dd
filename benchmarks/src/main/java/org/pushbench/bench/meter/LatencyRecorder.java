package org.pushbench.bench.meter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Delivery latency in microseconds, 3 significant digits, two ways at once as wrk2 reports it: <em>corrected</em>
 * from the message's intended send time (a stalled sender cannot hide its stall), and <em>uncorrected</em> from
 * the moment it was actually sent. Recorded from any event loop; read per measurement window.
 *
 * <p>Each recording thread has recorders of its own ({@link SingleWriterRecorder}), merged when a window is
 * taken: the event loops never touch a shared counter on the delivery path.
 */
public final class LatencyRecorder {

    /** Latencies above an hour are clamped to an hour: such a run is broken anyway and says so elsewhere. */
    public static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    public static final int SIGNIFICANT_DIGITS = 3;

    private final List<ThreadRecorders> all = new CopyOnWriteArrayList<>();
    private long windowStartMillis = System.currentTimeMillis();
    private final ThreadLocal<ThreadRecorders> mine = ThreadLocal.withInitial(() -> {
        ThreadRecorders r = new ThreadRecorders();
        all.add(r);
        return r;
    });

    /** One thread's pair; only that thread records into it. */
    private static final class ThreadRecorders {
        final SingleWriterRecorder corrected = new SingleWriterRecorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
        final SingleWriterRecorder uncorrected = new SingleWriterRecorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    /** One sample: a recipient parsed a message at {@code receivedNanos} ({@link System#nanoTime()}). */
    public void record(long intendedNanos, long actualSendNanos, long receivedNanos) {
        ThreadRecorders r = mine.get();
        r.corrected.recordValue(micros(receivedNanos - intendedNanos));
        r.uncorrected.recordValue(micros(receivedNanos - actualSendNanos));
    }

    private static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    /** The samples since the previous call (or since creation), and a fresh window from now on. */
    public synchronized Window takeWindow() {
        Histogram corrected = emptyHistogram();
        Histogram uncorrected = emptyHistogram();
        for (ThreadRecorders r : all) {
            corrected.add(r.corrected.getIntervalHistogram());
            uncorrected.add(r.uncorrected.getIntervalHistogram());
        }
        // The window's span, as a Recorder's interval histogram carries it (the .hlog writes it).
        long now = System.currentTimeMillis();
        for (Histogram h : List.of(corrected, uncorrected)) {
            h.setStartTimeStamp(windowStartMillis);
            h.setEndTimeStamp(now);
        }
        windowStartMillis = now;
        return new Window(corrected, uncorrected);
    }

    public static Histogram emptyHistogram() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    /** The corrected and uncorrected samples of one window. */
    public record Window(Histogram corrected, Histogram uncorrected) {
    }
}
