package org.pushbench.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output split in two: everything JMH and its forks print (iterations, every secondary result, the servers'
 * output, stack traces) goes to the run's log, and the console gets one line per benchmark point: what ran and
 * its primary score, or {@code FAILED}. A quick run printed some 2,100 lines to the console before.
 */
final class ConsoleProgress implements OutputFormat {

    /** The parameters a console line names, in this order, when the benchmark has them. */
    private static final List<String> SHOWN = List.of("transport", "engine", "clients", "rate", "payloadBytes",
            "pollIntervalMs", "headers", "keepaliveMs", "network", "tls");

    private final PrintStream console;
    private final OutputFormat log;
    private boolean lineOpen;

    /** @param log where JMH's own output goes, e.g. {@code OutputFormatFactory.createFormatInstance(file, NORMAL)} */
    ConsoleProgress(PrintStream console, OutputFormat log) {
        this.console = console;
        this.log = log;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        log.startBenchmark(params);
        StringBuilder line = new StringBuilder(simpleName(params.getBenchmark()));
        for (String key : SHOWN) {
            String value = params.getParamsKeys().contains(key) ? params.getParam(key) : null;
            if (value != null && !value.isEmpty()) {
                line.append(' ').append(key).append('=').append(value);
            }
        }
        console.print(line.append(": "));
        console.flush();
        lineOpen = true;
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
        if (result == null) {
            failed();
            return;
        }
        Result<?> primary = result.getPrimaryResult();
        console.println(String.format(Locale.ROOT, "%.1f %s", primary.getScore(), primary.getScoreUnit()));
        lineOpen = false;
    }

    /** Ends the current benchmark's line, if one is open, with {@code FAILED}. */
    void failed() {
        if (lineOpen) {
            console.println("FAILED");
            lineOpen = false;
        }
    }

    private static String simpleName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2];
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
            IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
        console.flush();
    }

    /** Flushes only: the log's stream belongs to whoever made it, and one log serves several JMH runs. */
    @Override
    public void close() {
        flush();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
