package org.pushbench.bench.meter;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The fixed-rate schedule of one run and when each message actually left. Message {@code k} is intended to leave
 * at {@code origin + k * period}; its {@code stamp} is that offset in nanoseconds, so a recipient can tell the
 * intended send time from the message alone and the actual send time from this log.
 */
public final class SendLog {

    /** Actual send times are kept for the last 2^18 messages; a recipient further behind than that is failed. */
    static final int RING = 1 << 18;

    private final long originNanos;
    private final long periodNanos;
    private final AtomicLongArray actualSend = new AtomicLongArray(RING);
    private final AtomicLong newestSent = new AtomicLong(-1);
    private volatile Listener listener;

    /** Learns each send time as it is logged (to pass it on to members in other processes). */
    @FunctionalInterface
    public interface Listener {
        void sent(long stamp, long nanoTime);
    }

    public SendLog(long originNanos, long periodNanos) {
        this.originNanos = originNanos;
        this.periodNanos = periodNanos;
    }

    /** The stamp of message {@code k}: its intended send time as an offset from the origin. */
    public long stamp(long k) {
        return k * periodNanos;
    }

    public long intendedNanos(long stamp) {
        return originNanos + stamp;
    }

    public long originNanos() {
        return originNanos;
    }

    public long periodNanos() {
        return periodNanos;
    }

    /** From now on {@code l} hears of every send time logged. */
    public void listen(Listener l) {
        this.listener = l;
    }

    /** Called by a publisher just before the message is written to its socket. */
    public void sent(long stamp, long nanoTime) {
        actualSend.set(slot(stamp), nanoTime);
        newestSent.accumulateAndGet(stamp / periodNanos, Math::max);
        Listener l = listener;
        if (l != null) {
            l.sent(stamp, nanoTime);
        }
    }

    /**
     * Whether the send time of {@code stamp} is known yet. Always so in the publisher's process (it is logged
     * before the write); a member in another process may parse a message before its send time reached it.
     */
    public boolean hasSent(long stamp) {
        return stamp / periodNanos <= newestSent.get();
    }

    /**
     * When the message stamped {@code stamp} left. Throws when its slot has been reused by a newer message:
     * its latency would be taken against the wrong send time, so the run must fail instead of reporting it.
     */
    public long actualSendNanos(long stamp) {
        long k = stamp / periodNanos;
        long behind = newestSent.get() - k;
        if (behind >= RING) {
            throw new IllegalStateException("a recipient is " + behind + " messages behind the publisher, more"
                    + " than the " + RING + " send times kept: the server cannot keep up with this load");
        }
        return actualSend.get(slot(stamp));
    }

    private int slot(long stamp) {
        return (int) ((stamp / periodNanos) & (RING - 1));
    }
}
