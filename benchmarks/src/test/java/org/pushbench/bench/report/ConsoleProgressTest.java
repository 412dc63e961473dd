package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import org.pushbench.bench.jmh.WindowProfiler;

/**
 * The suite's console: one line per benchmark point, JMH's whole output (its forks' and their servers' included) in
 * the run's jmh.log, errors shown.
 */
class ConsoleProgressTest {

    @TempDir
    Path out;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Path histograms;

    @BeforeEach
    void ignoreLock() {
        histograms = out.resolve("histograms");
        // Other JMH runs on this machine hold /tmp/jmh.lock; this one shares nothing with them.
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    void aBenchmarkPointIsOneConsoleLineAndEverythingJmhPrintsGoesToTheLog() throws Exception {
        Path log = out.resolve("jmh.log");
        RunSuite.runAll(List.of(fanOut().build()), log, new PrintStream(console, true, StandardCharsets.UTF_8));
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), console.toString(StandardCharsets.UTF_8));
        assertEquals("run-benchmarks: one line per benchmark point; JMH's whole output goes to " + log, lines.get(0));
        assertTrue(lines.get(1).matches("FanOut transport=WEBSOCKET engine=NETTY clients=2 rate=20 payloadBytes=64"
                + " pollIntervalMs=1000 headers=MINIMAL network=LOOPBACK tls=OFF: [0-9.]+ ops/s"), lines.get(1));
        String logged = Files.readString(log);
        assertTrue(logged.contains("# Benchmark: org.pushbench.bench.jmh.FanOut.deliveries"), logged);
        assertTrue(logged.contains("Secondary result \"org.pushbench.bench.jmh.FanOut.deliveries:bytes.perDelivery\""),
                logged);
        assertTrue(logged.contains("# Run complete."), logged);
        assertTrue(logged.contains("[server] pushbench: websocket (netty) on ws://"),
                "the fork's server's output: " + logged);
    }

    @Test
    void aFailedPointEndsItsLineWithFailedAndTheConsoleShowsItsError() throws Exception {
        Path log = out.resolve("jmh.log");
        // Nothing listens on port 1: the trial's set-up fails on the server's /health.
        SuiteFailure failure = assertThrows(SuiteFailure.class, () -> RunSuite.runAll(
                List.of(fanOut().param("server", "127.0.0.1:1").build()), log,
                new PrintStream(console, true, StandardCharsets.UTF_8)));
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), console.toString(StandardCharsets.UTF_8));
        assertTrue(lines.get(1).startsWith("FanOut transport=WEBSOCKET engine=NETTY "), lines.get(1));
        assertTrue(lines.get(1).endsWith(": FAILED"), lines.get(1));
        assertTrue(failure.getMessage().startsWith("run-benchmarks: a benchmark failed: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("java.net.ConnectException"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("the whole JMH log (stack traces, the servers' output): " + log),
                failure.getMessage());
        assertTrue(Files.readString(log).contains("<failure>"), Files.readString(log));
    }

    /** FanOut in a JMH fork, as the suite runs it: what a fork prints reaches the host another way. */
    private ChainedOptionsBuilder fanOut() {
        return new OptionsBuilder().include("org\\.pushbench\\.bench\\.jmh\\.FanOut\\.")
                .param("transport", "WEBSOCKET").param("engine", "NETTY").param("clients", "2").param("rate", "20")
                .forks(1).jvmArgsAppend("-Dpushbench.histograms=" + histograms, "-Djmh.ignoreLock=true")
                .warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.seconds(1))
                .addProfiler(WindowProfiler.class).shouldFailOnError(true);
    }
}
