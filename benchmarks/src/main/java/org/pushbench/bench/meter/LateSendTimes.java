package org.pushbench.bench.meter;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Deliveries parsed before their message's actual send time was known, kept until it is. Only members in another
 * process than the publisher see this (the send time reaches them a moment after the message may have); each
 * delivery is timed exactly once, by whichever thread first finds its send time logged.
 */
final class LateSendTimes {

    private record Late(long stamp, long receivedNanos) {
    }

    /** What to do with a delivery once its send time is known. */
    @FunctionalInterface
    interface Timing {
        void time(long stamp, long receivedNanos);
    }

    private final ConcurrentLinkedQueue<Late> waiting = new ConcurrentLinkedQueue<>();

    void await(long stamp, long receivedNanos) {
        waiting.add(new Late(stamp, receivedNanos));
    }

    /** Times and forgets every waiting delivery whose send time {@code log} now has. */
    void drain(SendLog log, Timing timing) {
        for (Iterator<Late> it = waiting.iterator(); it.hasNext(); ) {
            Late late = it.next();
            if (log.hasSent(late.stamp()) && waiting.remove(late)) {
                timing.time(late.stamp(), late.receivedNanos());
            }
        }
    }
}
