package org.pushbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** A plain FanOut, no profiler: JMH still reports the window's counts as auxiliary counters. */
class WindowCountersTest {

    @TempDir
    Path out;

    @Test
    void aRunWithoutProfilerReportsDeliveriesRequestsErrorsAndBytes() throws Exception {
        System.setProperty(LatencyFiles.DIR_PROPERTY, out.toString());
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("org\\.pushbench\\.bench\\.jmh\\.FanOut\\.")
                .param("transport", "LONG_POLLING").param("engine", "NETTY").param("clients", "4")
                .forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.seconds(2))
                .shouldFailOnError(true).build()).run();
        assertEquals(1, results.size());
        Map<String, Result> counters = results.iterator().next().getSecondaryResults();
        double delivered = counters.get("messagesDelivered").getScore();
        assertTrue(delivered > 0, "messages delivered: " + delivered);
        assertTrue(counters.get("pollRequests").getScore() > 0, "a long-polling member asks for each batch");
        assertTrue(counters.get("emptyAnswers").getScore() >= 0);
        assertEquals(0.0, counters.get("clientErrors").getScore());
        assertTrue(counters.get("socketBytes").getScore() > 64 * delivered, "each delivery holds the 64-character text");
        assertEquals("#", counters.get("socketBytes").getScoreUnit());
    }
}
