package org.pushbench.bench.jmh;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

import org.pushbench.bench.load.LatencySummary;
import org.pushbench.bench.meter.LatencyRecorder;

/**
 * A trial's latency files: the lossless HdrHistogram logs ({@code .corrected.hlog}, {@code .uncorrected.hlog}, one
 * interval histogram per measured window, so a run can be re-aggregated and a stall found in time), and derived
 * from them the percentile tables ({@code .hgrm}, microseconds) and {@code .latency.json}.
 */
final class LatencyFiles {

    /** Where they go: {@code -Dpushbench.histograms=DIR}, else {@code results/direct/histograms} (ignored by git). */
    static final String DIR_PROPERTY = "pushbench.histograms";
    private static final String DEFAULT_DIR = "results/direct/histograms";

    private final List<Histogram> corrected = new ArrayList<>();
    private final List<Histogram> uncorrected = new ArrayList<>();

    /** One measured window's samples, as {@link LatencyRecorder} took them (with their start and end times). */
    void add(Histogram correctedWindow, Histogram uncorrectedWindow) {
        corrected.add(correctedWindow);
        uncorrected.add(uncorrectedWindow);
    }

    boolean isEmpty() {
        return corrected.stream().allMatch(h -> h.getTotalCount() == 0);
    }

    /** Writes every file under {@code stem}, or under {@code stem~2}, ... when a run of that name already did. */
    Path write(String stem) throws IOException {
        Path dir = dir();
        Files.createDirectories(dir);
        String name = stem;
        for (int n = 2; Files.exists(dir.resolve(name + ".corrected.hlog")); n++) {
            name = stem + "~" + n;
        }
        Histogram c = writeLog(dir.resolve(name + ".corrected.hlog"), corrected);
        Histogram u = writeLog(dir.resolve(name + ".uncorrected.hlog"), uncorrected);
        writeTable(dir.resolve(name + ".corrected.hgrm"), c);
        writeTable(dir.resolve(name + ".uncorrected.hgrm"), u);
        LatencySummary.of(c, u).write(dir.resolve(name + ".latency.json"));
        return dir.resolve(name + ".latency.json");
    }

    /** Where this JVM writes them: never {@code ./histograms}, which nothing ignores or cleans. */
    static Path dir() {
        return Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR));
    }

    /** Writes the log, then reads it back: the tables are derived from what the log holds, nothing else. */
    private static Histogram writeLog(Path file, List<Histogram> windows) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            long base = windows.isEmpty() ? 0 : windows.get(0).getStartTimeStamp();
            log.outputComment("pushbench delivery latency in microseconds, one interval per measured window");
            log.outputLogFormatVersion();
            log.outputStartTime(base);
            log.setBaseTime(base);
            log.outputLegend();
            windows.forEach(log::outputIntervalHistogram);
        }
        Histogram total = LatencyRecorder.emptyHistogram();
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                total.add((Histogram) h);
            }
        } finally {
            reader.close();
        }
        return total;
    }

    /** HdrHistogram's percentile table; values in microseconds, as the first line says. */
    private static void writeTable(Path file, Histogram histogram) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            out.println("#[pushbench delivery latency; Value column in microseconds]");
            histogram.outputPercentileDistribution(out, 1.0);
        }
    }
}
