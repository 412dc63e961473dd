package org.pushbench.bench.load;

import java.io.IOException;
import java.nio.file.Path;

import org.HdrHistogram.Histogram;
import org.pushbench.protocol.ChatJson;

/**
 * A run's latency percentiles over all its measured iterations, as HdrHistogram computes them, written beside the
 * .hgrm files ({@code <name>.latency.json}) so the summary reads exact figures instead of re-reading a table.
 */
public record LatencySummary(Percentiles corrected, Percentiles uncorrected) {

    /** Microseconds. */
    public record Percentiles(double mean, long p50, long p90, long p99, long p999, long max, long count) {
        static Percentiles of(Histogram h) {
            return new Percentiles(h.getMean(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                    h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(), h.getTotalCount());
        }
    }

    public static LatencySummary of(Histogram corrected, Histogram uncorrected) {
        return new LatencySummary(Percentiles.of(corrected), Percentiles.of(uncorrected));
    }

    /** One window's latency figures under {@code prefix} ({@code latency.p99.us}), microseconds. */
    public static void figures(java.util.List<Figure> figures, String prefix, Histogram h) {
        figures.add(new Figure(prefix + ".mean.us", h.getMean(), "us"));
        figures.add(new Figure(prefix + ".p50.us", h.getValueAtPercentile(50), "us"));
        figures.add(new Figure(prefix + ".p90.us", h.getValueAtPercentile(90), "us"));
        figures.add(new Figure(prefix + ".p99.us", h.getValueAtPercentile(99), "us"));
        figures.add(new Figure(prefix + ".p999.us", h.getValueAtPercentile(99.9), "us"));
        figures.add(new Figure(prefix + ".max.us", h.getMaxValue(), "us"));
    }

    public void write(Path file) throws IOException {
        ChatJson.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    }

    public static LatencySummary read(Path file) throws IOException {
        return ChatJson.mapper().readValue(file.toFile(), LatencySummary.class);
    }
}
