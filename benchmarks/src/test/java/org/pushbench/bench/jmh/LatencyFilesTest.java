package org.pushbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pushbench.bench.load.LatencySummary;
import org.pushbench.bench.meter.LatencyRecorder;

/**
 * A trial's latency files: the interval log is the record and the tables are derived from it; direct runs write
 * under results/direct/, and two runs of the same name (the same benchmark and parameters) keep both their files.
 */
class LatencyFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunOfTheSameNameIsWrittenBesideTheFirst() throws Exception {
        System.setProperty(LatencyFiles.DIR_PROPERTY, dir.toString());
        try {
            Path first = written(1_000);
            Path second = written(2_000);
            assertNotEquals(first, second);
            assertEquals("FanOut_x~2.latency.json", second.getFileName().toString());
            assertTrue(Files.readString(first).contains("1000"), Files.readString(first));
            assertTrue(Files.readString(second).contains("2000"), Files.readString(second));
            assertTrue(Files.isRegularFile(dir.resolve("FanOut_x~2.corrected.hlog")));
        } finally {
            System.clearProperty(LatencyFiles.DIR_PROPERTY);
        }
    }

    @Test
    void theLogHoldsOneIntervalPerWindowAndTheTablesAndSummaryAreItsSum() throws Exception {
        System.setProperty(LatencyFiles.DIR_PROPERTY, dir.toString());
        try {
            LatencyFiles files = new LatencyFiles();
            files.add(window(1_000, 3, 10_000), window(900, 3, 10_000));
            files.add(window(5_000, 1, 12_000), window(4_000, 1, 12_000));
            LatencySummary summary = LatencySummary.read(files.write("FanOut_y"));

            List<Histogram> intervals = new ArrayList<>();
            HistogramLogReader reader = new HistogramLogReader(dir.resolve("FanOut_y.corrected.hlog").toFile());
            try {
                for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null;
                        h = reader.nextIntervalHistogram()) {
                    intervals.add((Histogram) h);
                }
            } finally {
                reader.close();
            }
            assertEquals(List.of(3L, 1L), intervals.stream().map(Histogram::getTotalCount).toList(),
                    "one interval histogram per measured window");
            assertEquals(5_000, intervals.get(1).getMaxValue(), 5);
            assertEquals(4, summary.corrected().count());
            assertEquals(5_000, summary.corrected().max(), 5);
            assertEquals(4_000, summary.uncorrected().max(), 5);
            List<String> table = Files.readAllLines(dir.resolve("FanOut_y.corrected.hgrm"));
            assertEquals("#[pushbench delivery latency; Value column in microseconds]", table.get(0));
            assertTrue(table.stream().anyMatch(l -> l.matches("#\\[Max .*Total count\\s+=\\s+4\\]")),
                    String.join("\n", table));
        } finally {
            System.clearProperty(LatencyFiles.DIR_PROPERTY);
        }
    }

    @Test
    void aDirectRunWritesUnderResultsDirectNeverIntoTheWorkingDirectorysHistograms() {
        System.clearProperty(LatencyFiles.DIR_PROPERTY);
        assertEquals(Path.of("results", "direct", "histograms"), LatencyFiles.dir());
    }

    /** A window of {@code count} samples of {@code micros}, taken at {@code startMillis} for a second. */
    private static Histogram window(long micros, int count, long startMillis) {
        Histogram h = LatencyRecorder.emptyHistogram();
        h.recordValueWithCount(micros, count);
        h.setStartTimeStamp(startMillis);
        h.setEndTimeStamp(startMillis + 1_000);
        return h;
    }

    private static Path written(long micros) throws Exception {
        Histogram h = LatencyRecorder.emptyHistogram();
        h.recordValue(micros);
        LatencyFiles files = new LatencyFiles();
        files.add(h, h.copy());
        return files.write("FanOut_x");
    }
}
