package org.pushbench.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark of the suite failed. Its message is what the console shows, since JMH's own account of the failure
 * went to the run's log with everything else: the errors the benchmark raised, each with its causes on one line,
 * or, when JMH kept none (a fork that died), the end of the log; and where the whole log is.
 */
final class SuiteFailure extends Exception {

    private static final int TAIL_LINES = 20;

    private SuiteFailure(String message, Throwable cause) {
        super(message, cause);
    }

    static SuiteFailure of(Exception failure, Path log) {
        StringBuilder text = new StringBuilder("run-benchmarks: a benchmark failed: ").append(failure.getMessage());
        List<Throwable> raised = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            raised.addAll(List.of(t.getSuppressed()));
        }
        for (Throwable t : raised) {
            text.append("\n  ").append(t);
            for (Throwable cause = t.getCause(); cause != null; cause = cause.getCause()) {
                text.append(" <- ").append(cause);
            }
        }
        if (raised.isEmpty()) {
            text.append("\nthe end of its log:");
            tail(log).forEach(line -> text.append("\n  ").append(line));
        }
        return new SuiteFailure(text.append("\nthe whole JMH log (stack traces, the servers' output): ").append(log)
                .toString(), failure);
    }

    private static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(unreadable: " + e + ")");
        }
    }
}
