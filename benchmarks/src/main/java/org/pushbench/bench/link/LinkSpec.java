package org.pushbench.bench.link;

/**
 * One member's link to the server: round-trip time, bandwidth each way and jitter. Built from a
 * {@link NetworkProfile} and the benchmark's optional overrides; {@link NetworkProfile#LOOPBACK} means no link.
 *
 * @param profile  the profile it was built from
 * @param rttMs    the round-trip time the relay adds, half of it each way
 * @param downKbps bandwidth towards the member, kbit/s (1000 bit/s) of TCP payload
 * @param upKbps   bandwidth towards the server, kbit/s
 * @param jitterMs the largest extra delay, drawn uniformly per segment; order is kept, as TCP would
 */
public record LinkSpec(NetworkProfile profile, int rttMs, int downKbps, int upKbps, int jitterMs) {

    public static final LinkSpec LOOPBACK = new LinkSpec(NetworkProfile.LOOPBACK, 0, 0, 0, 0);

    /**
     * A relay that shapes nothing (no delay, 100 Gbit/s): a link of its own to {@link LinkRelay#cut() cut} for a
     * member that is otherwise on loopback.
     */
    public static final LinkSpec UNSHAPED = new LinkSpec(NetworkProfile.CUSTOM, 0, 100_000_000, 100_000_000, 0);

    public LinkSpec {
        if (profile == NetworkProfile.LOOPBACK) {
            if (rttMs != 0 || downKbps != 0 || upKbps != 0 || jitterMs != 0) {
                throw new IllegalArgumentException("network=LOOPBACK has no link to shape; use network=CUSTOM with "
                        + "rttMs, downKbps and upKbps");
            }
        } else if (rttMs < 0 || downKbps <= 0 || upKbps <= 0 || jitterMs < 0) {
            throw new IllegalArgumentException("bad link " + profile + ": rttMs=" + rttMs + " downKbps=" + downKbps
                    + " upKbps=" + upKbps + " jitterMs=" + jitterMs + " (rtt and jitter >= 0, bandwidths > 0"
                    + (profile == NetworkProfile.CUSTOM ? "; CUSTOM takes them from rttMs, downKbps, upKbps)" : ")"));
        }
    }

    /**
     * The profile's figures with every override that is not zero in their place (a negative one is refused).
     *
     * @throws IllegalArgumentException for an override on LOOPBACK, or a CUSTOM link missing a figure
     */
    public static LinkSpec of(NetworkProfile profile, int rttMs, int downKbps, int upKbps, int jitterMs) {
        if (profile == NetworkProfile.LOOPBACK) {
            return new LinkSpec(profile, rttMs, downKbps, upKbps, jitterMs);
        }
        return new LinkSpec(profile, rttMs != 0 ? rttMs : profile.rttMs(),
                downKbps != 0 ? downKbps : profile.downKbps(), upKbps != 0 ? upKbps : profile.upKbps(), jitterMs);
    }

    /** Whether a relay stands between member and server. */
    public boolean emulated() {
        return profile != NetworkProfile.LOOPBACK;
    }

    /**
     * The link's part of a result file name, empty for loopback (so loopback names stay as they were):
     * {@code network=mobile_rttMs=150_downKbps=1600_upKbps=750}, and {@code _jitterMs=N} when there is jitter.
     */
    public String fileNamePart() {
        if (!emulated()) {
            return "";
        }
        return "network=" + profile.label() + "_rttMs=" + rttMs + "_downKbps=" + downKbps + "_upKbps=" + upKbps
                + (jitterMs > 0 ? "_jitterMs=" + jitterMs : "");
    }

    /** Nanoseconds one way, half the round trip. */
    long oneWayNanos() {
        return rttMs * 500_000L;
    }
}
