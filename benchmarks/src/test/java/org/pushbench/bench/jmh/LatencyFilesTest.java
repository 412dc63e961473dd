package org.pushbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pushbench.bench.meter.LatencyRecorder;

/** Two runs of the same name (the same benchmark and parameters) keep both their latency files. */
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

    private static Path written(long micros) throws Exception {
        Histogram h = LatencyRecorder.emptyHistogram();
        h.recordValue(micros);
        LatencyFiles files = new LatencyFiles();
        files.add(h, h.copy());
        return files.write("FanOut_x");
    }
}
