package org.pushbench.bench.link;

/**
 * The networks a benchmark can put between each member and the server, with the figures of a published
 * throttling preset, so that a result says which real connection it stands for. Round-trip times are the
 * presets' own; "down" is towards the member, "up" towards the server; bandwidth counts TCP payload bytes.
 */
public enum NetworkProfile {

    /** No emulation: the members connect to the server directly over loopback (round trip ~20 us). */
    LOOPBACK(0, 0, 0, "loopback, no relay"),

    /** Firefox DevTools' "Wi-Fi" throttling preset: 2 ms, 30 Mbit/s down, 15 Mbit/s up. */
    LAN(2, 30_000, 15_000, "Firefox DevTools throttling preset \"Wi-Fi\""),

    /** WebPageTest's "Cable" connectivity profile (connectivity.ini.sample): 28 ms RTT, 5 Mbit/s down, 1 up. */
    WAN(28, 5_000, 1_000, "WebPageTest connectivity profile \"Cable\""),

    /**
     * Lighthouse's default mobile throttling, Chrome DevTools' "Slow 4G" (formerly "Fast 3G"): 150 ms RTT,
     * 1.6 Mbit/s down, 750 kbit/s up, no loss (Lighthouse docs/throttling.md).
     */
    MOBILE(150, 1_600, 750, "Lighthouse/Chrome DevTools throttling preset \"Slow 4G\""),

    /** Figures of the caller's own: {@code rttMs}, {@code downKbps} and {@code upKbps} must all be given. */
    CUSTOM(0, 0, 0, "custom");

    private final int rttMs;
    private final int downKbps;
    private final int upKbps;
    private final String source;

    NetworkProfile(int rttMs, int downKbps, int upKbps, String source) {
        this.rttMs = rttMs;
        this.downKbps = downKbps;
        this.upKbps = upKbps;
        this.source = source;
    }

    public int rttMs() {
        return rttMs;
    }

    public int downKbps() {
        return downKbps;
    }

    public int upKbps() {
        return upKbps;
    }

    /** Where the figures come from. */
    public String source() {
        return source;
    }

    /** The profile's name as result files spell it: {@code mobile}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
