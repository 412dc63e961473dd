package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import org.pushbench.bench.jmh.WindowProfiler;

/**
 * The whole path of a run, small: JMH runs FanOut on each transport against a server JVM of its own, the profiler
 * carries the figures, and the summary comes out with latency, bytes and server figures for every transport.
 */
class SuiteSmokeTest {

    @TempDir
    Path out;

    @Test
    void aSmallFanOutProducesTheSummaryForEveryTransport() throws Exception {
        Path histograms = out.resolve("histograms");
        System.setProperty("pushbench.histograms", histograms.toString());
        // Other JMH runs on this machine hold /tmp/jmh.lock; this one runs in-process and shares nothing with them.
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("org\\.pushbench\\.bench\\.jmh\\.FanOut\\.")
                .param("engine", "NETTY").param("clients", "4").param("rate", "20").param("pollIntervalMs", "100")
                .forks(0).warmupIterations(1).warmupTime(TimeValue.seconds(1))
                .measurementIterations(1).measurementTime(TimeValue.seconds(2))
                .addProfiler(WindowProfiler.class).shouldFailOnError(true).build()).run();
        assertEquals(4, results.size(), "one run per transport");

        List<ResultRow> rows = new ArrayList<>();
        for (RunResult r : results) {
            rows.add(ResultRow.of(r, histograms));
        }
        for (ResultRow row : rows) {
            assertTrue(row.primaryScore() > 40, row.transport() + " delivered " + row.primaryScore() + "/s");
            assertNotNull(row.latency(), row.transport() + " wrote its latency histograms");
            assertTrue(Files.isRegularFile(histograms.resolve(row.histogram() + ".corrected.hgrm")));
            assertTrue(Files.isRegularFile(histograms.resolve(row.histogram() + ".corrected.hlog")));
            assertTrue(row.figure("bytes.payload.perDelivery") > 64, "the delivered JSON holds the 64-character text");
            assertEquals(4.0, row.figure("server.peakConnections") - publisherConnections(row), 0.0);
            assertEquals(Boolean.FALSE, row.belowOffered(), row.transport() + " sent what it offered");
            assertTrue(row.figure("sent.achievedPerSecond") > 0 && row.figure("sent.offeredPerSecond") > 0);
            assertTrue(row.figure("server.osThreads") >= row.figure("server.threads"),
                    "the OS sees at least the JVM's threads");
        }
        SummaryWriter summary = new SummaryWriter(rows);
        summary.writeCsv(out.resolve("summary.csv"));
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(5, csv.size(), "a header and four rows");
        assertTrue(summary.markdown().contains("| websocket | netty |"));
        assertTrue(summary.markdown().contains("| sse | netty |"));
        assertTrue(summary.markdown().contains("| offered msgs/s | achieved msgs/s |"), summary.markdown());
        assertTrue(csv.get(0).contains(",offeredPerSec,achievedPerSec,achievedPercent,belowOffered,"), csv.get(0));
    }

    @Test
    void anSseFanOutDeliversEveryMessageOnJettyToo() throws Exception {
        Path histograms = out.resolve("histograms");
        System.setProperty("pushbench.histograms", histograms.toString());
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("org\\.pushbench\\.bench\\.jmh\\.FanOut\\.")
                .param("engine", "JETTY").param("transport", "SSE").param("clients", "4").param("rate", "20")
                .forks(0).warmupIterations(1).warmupTime(TimeValue.seconds(1))
                .measurementIterations(1).measurementTime(TimeValue.seconds(2))
                .addProfiler(WindowProfiler.class).shouldFailOnError(true).build()).run();
        ResultRow row = ResultRow.of(results.iterator().next(), histograms);
        assertTrue(row.primaryScore() > 40, "delivered " + row.primaryScore() + "/s");
        assertEquals(Boolean.FALSE, row.belowOffered(), "sent what it offered");
        assertTrue(row.figure("bytes.framing.perDelivery") > 2, "SSE frames cost more than WebSocket's 2 bytes");
    }

    private static double publisherConnections(ResultRow row) {
        return row.transport() == org.pushbench.server.Transport.WEBSOCKET ? 1 : 4;
    }
}
