package org.pushbench.bench.load;

/**
 * What the open-loop sender achieved in one window against what the schedule offered: messages due by the
 * schedule and messages actually handed to the publisher. A sender that falls behind (a stalled machine, a
 * publisher that blocks) offers less load than the run claims; such a window is flagged, as real-logic's
 * {@code LoadTestRig} warns, instead of publishing the configured rate as if it were measured.
 */
public record SendRate(long due, long sent, double seconds) {

    /** Below this share of the offered messages the window is flagged. */
    public static final double MIN_SHARE = 0.99;

    public double offeredPerSecond() {
        return due / seconds;
    }

    public double achievedPerSecond() {
        return sent / seconds;
    }

    /** Achieved as a share of offered, in percent; 100 when nothing was due (an idle room). */
    public double achievedPercent() {
        return due == 0 ? 100 : 100.0 * sent / due;
    }

    /**
     * Whether the sender fell short by more than 1 %. One message of slack: the two counts are read a moment apart
     * at each end of the window, so a sender exactly on time may be one message behind the schedule there.
     */
    public boolean belowOffered() {
        return due - sent > Math.max(1, (1 - MIN_SHARE) * due);
    }

    /** The terminal line for a flagged window. */
    public String warning() {
        return String.format(java.util.Locale.ROOT, "pushbench: WARNING: the sender achieved %.1f msgs/s of the"
                + " %.1f offered (%.1f %%, below %.0f %%): this window measured a lighter load than configured",
                achievedPerSecond(), offeredPerSecond(), achievedPercent(), 100 * MIN_SHARE);
    }
}
