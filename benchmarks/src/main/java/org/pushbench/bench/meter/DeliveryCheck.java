package org.pushbench.bench.meter;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * Checks that every recipient gets every message of its room exactly once and in order. Ids in a room are
 * 1, 2, 3, ... so a recipient's next message must be its last id plus one; anything else is counted as lost,
 * duplicated or reordered, and {@link #verify} turns any of them into a failed run.
 */
public final class DeliveryCheck {

    private final List<Recipient> recipients = new ArrayList<>();
    private final LongAdder lost = new LongAdder();
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder reordered = new LongAdder();

    /** A new member of the room that will receive from id 1 on. */
    public synchronized Recipient newRecipient() {
        Recipient r = new Recipient();
        recipients.add(r);
        return r;
    }

    public long lost() {
        return lost.sum();
    }

    public long duplicated() {
        return duplicated.sum();
    }

    public long reordered() {
        return reordered.sum();
    }

    /** Whether every recipient still in the room has reached message {@code lastId}. */
    public synchronized boolean allReached(long lastId) {
        return recipients.stream().allMatch(r -> r.left || r.last() >= lastId);
    }

    /**
     * Fails when any recipient lost, duplicated or reordered a message, or has not received all of
     * {@code 1..lastId} (a late joiner: all after its join point; one that left: all up to its last).
     */
    public synchronized void verify(long lastId) {
        long missing = 0;
        long behind = 0;
        for (Recipient r : recipients) {
            long expectedLast = r.left ? r.last() : lastId;
            missing += r.missingBelow(expectedLast);
            if (r.last() < expectedLast) {
                behind++;
            }
        }
        if (missing > 0 || duplicated() > 0 || reordered() > 0) {
            throw new DeliveryFailure(String.format(
                    "delivery check failed: %d of %d recipients short of message %d, %d deliveries missing, "
                            + "%d duplicated, %d reordered",
                    behind, recipients.size(), lastId, missing, duplicated(), reordered()));
        }
    }

    /**
     * One recipient's view. Called from that recipient's event loop only, except {@link #last()}, which
     * anyone may read.
     */
    public final class Recipient {

        private volatile long last;
        private volatile boolean left;
        private NavigableSet<Long> gaps;

        /** The highest id received: the cursor a client asks {@code after}. */
        public long last() {
            return last;
        }

        /**
         * Makes this a member that joins a room already under way, as a page that starts from the room's newest
         * message: it expects {@code id + 1} on. Call before its client starts.
         */
        public void joinAfter(long id) {
            last = id;
        }

        /**
         * The member left the room: it is no longer expected to reach the last message, but what it lost,
         * duplicated or reordered while a member still fails the run.
         */
        public void leave() {
            left = true;
        }

        /** Accounts for message {@code id}; returns whether it is a first delivery (to be measured). */
        public boolean accept(long id) {
            if (id == last + 1) {
                last = id;
                return true;
            }
            if (id > last + 1) {
                if (gaps == null) {
                    gaps = new TreeSet<>();
                }
                for (long missingId = last + 1; missingId < id; missingId++) {
                    gaps.add(missingId);
                }
                lost.add(id - last - 1);
                last = id;
                return true;
            }
            if (gaps != null && gaps.remove(id)) {
                lost.decrement();
                reordered.increment();
                return true;
            }
            duplicated.increment();
            return false;
        }

        long missingBelow(long lastId) {
            long gapCount = gaps == null ? 0 : gaps.headSet(lastId, true).size();
            return gapCount + Math.max(0, lastId - last);
        }
    }

    /** A run that lost, duplicated or reordered a message: it reports no numbers. */
    public static final class DeliveryFailure extends IllegalStateException {
        public DeliveryFailure(String message) {
            super(message);
        }
    }
}
