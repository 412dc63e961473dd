package org.pushbench.bench.calibration;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * What this machine itself takes to move a few bytes between two threads over loopback TCP, below any server:
 * <ul>
 * <li>{@link #pingPong}: a hot closed loop, one side echoing 8 bytes back; each sample is one round trip;</li>
 * <li>{@link #idleWake}: the writer sleeps {@code gap} (the run's message interval), then writes its clock; each
 * sample is how long the reader, blocked in {@code read} all that time, took to see it (one way). An idle
 * core wakes far slower than a hot loop, and a light-load run's deliveries all come after such a gap.</li>
 * </ul>
 * Nanosecond histograms; the threads are plain blocking threads, the sockets {@link SocketPair}s.
 */
final class MachineFloor {

    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(10);

    private MachineFloor() {
    }

    /** {@code samples} round trips after {@code warmup} unmeasured ones. */
    static Histogram pingPong(int warmup, int samples) throws IOException, InterruptedException {
        Histogram rtt = new Histogram(HIGHEST_NANOS, 3);
        try (SocketPair pair = new SocketPair()) {
            Thread echo = echoThread(pair, warmup + samples);
            DataOutputStream out = new DataOutputStream(pair.near.getOutputStream());
            DataInputStream in = new DataInputStream(pair.near.getInputStream());
            for (int i = 0; i < warmup + samples; i++) {
                long start = System.nanoTime();
                out.writeLong(start);
                out.flush();
                if (in.readLong() != start) {
                    throw new IOException("the echo answered another ping");
                }
                if (i >= warmup) {
                    rtt.recordValue(Math.min(HIGHEST_NANOS, System.nanoTime() - start));
                }
            }
            echo.join(TimeUnit.SECONDS.toMillis(5));
        }
        return rtt;
    }

    private static Thread echoThread(SocketPair pair, int count) {
        Thread echo = new Thread(() -> {
            try {
                DataInputStream in = new DataInputStream(pair.far.getInputStream());
                DataOutputStream out = new DataOutputStream(pair.far.getOutputStream());
                for (int i = 0; i < count; i++) {
                    out.writeLong(in.readLong());
                    out.flush();
                }
            } catch (IOException closed) {
                // the pinging side failed and closed the pair; it reports the failure
            }
        }, "pushbench-floor-echo");
        echo.setDaemon(true);
        echo.start();
        return echo;
    }

    /** {@code samples} wake-ups, each after the writer slept {@code gapNanos}. */
    static Histogram idleWake(long gapNanos, int samples) throws IOException, InterruptedException {
        Histogram wake = new Histogram(HIGHEST_NANOS, 3);
        try (SocketPair pair = new SocketPair()) {
            Thread writer = new Thread(() -> {
                try {
                    DataOutputStream out = new DataOutputStream(pair.near.getOutputStream());
                    for (int i = 0; i < samples; i++) {
                        LockSupport.parkNanos(gapNanos);
                        out.writeLong(System.nanoTime());
                        out.flush();
                    }
                } catch (IOException closed) {
                    // the reader failed and closed the pair; it reports the failure
                }
            }, "pushbench-floor-idle-writer");
            writer.setDaemon(true);
            writer.start();
            DataInputStream in = new DataInputStream(pair.far.getInputStream());
            for (int i = 0; i < samples; i++) {
                long written = in.readLong();
                wake.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, System.nanoTime() - written)));
            }
            writer.join(TimeUnit.SECONDS.toMillis(5));
        }
        return wake;
    }
}
