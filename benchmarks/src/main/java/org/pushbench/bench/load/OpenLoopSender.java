package org.pushbench.bench.load;

import java.util.concurrent.locks.LockSupport;

import java.util.function.Consumer;

import org.pushbench.bench.client.Publisher;
import org.pushbench.bench.meter.SendLog;

/**
 * Sends message k at {@code origin + k / rate}, whatever happened to message k-1: an open-loop schedule, as
 * wrk2 drives its load. Each message carries its intended send time in {@code stamp}; when the thread falls
 * behind it sends the late messages at once, still stamped with when they should have left, so the delay
 * shows in the corrected latency instead of vanishing from it.
 */
final class OpenLoopSender {

    /** The first message leaves this long after {@link #start()}, once the thread is running. */
    private static final long START_DELAY_NANOS = 20_000_000;

    private final Publisher publisher;
    private final SendLog log;
    private final MessageEncoder encoder;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long sent;

    /** @param followers told of the schedule before the first message leaves */
    OpenLoopSender(Publisher publisher, LoadSpec spec, Consumer<SendLog> followers, MessageEncoder encoder) {
        this.publisher = publisher;
        this.log = new SendLog(System.nanoTime() + START_DELAY_NANOS, 1_000_000_000L / spec.ratePerSecond());
        this.encoder = encoder;
        followers.accept(log);
        this.thread = new Thread(this::run, "pushbench-open-loop-sender");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long sent() {
        return sent;
    }

    /** Messages the schedule had due by {@code nanoTime}: what the run offered, whether or not they left. */
    long due(long nanoTime) {
        long first = log.intendedNanos(0);
        return nanoTime < first ? 0 : (nanoTime - first) / log.stamp(1) + 1;
    }

    /** Stops after the message in hand; returns how many were sent. */
    long stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sent;
    }

    private void run() {
        for (long k = 0; running; k++) {
            long stamp = log.stamp(k);
            long intended = log.intendedNanos(stamp);
            for (long wait = intended - System.nanoTime(); wait > 0 && running; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (!running) {
                return;
            }
            publisher.publish(encoder.encode(k, stamp), now -> log.sent(stamp, now));
            sent = k + 1;
        }
    }
}
