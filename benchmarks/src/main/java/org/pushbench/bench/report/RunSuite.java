package org.pushbench.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

import org.pushbench.bench.calibration.Calibration;
import org.pushbench.bench.calibration.CalibrationLoad;
import org.pushbench.bench.calibration.Floor;
import org.pushbench.server.Engine;

/**
 * {@code scripts/run-benchmarks.sh}'s main class: runs the quick or the full suite through JMH and writes the
 * result directory (results/README.md): {@code jmh.json}, {@code jmh.log} (JMH's whole output: the console gets
 * one line per benchmark point and the tables), {@code histograms/}, {@code summary.csv},
 * {@code summary.md}, {@code env.txt} and {@code calibration.csv} (the run's floors, measured first), then prints the summary.
 */
public final class RunSuite {

    private static final String USAGE = """
            Usage: RunSuite --quick|--networks|--full [--out DIR] [--engines netty,jetty] [--only A,B]
              --quick     FanOut and IdleCost, every transport and engine, a few minutes
              --networks  the network sweep: FanOut and FirstMessage over the emulated LAN, WAN and MOBILE
                          links and loopback, plain and with TLS (FirstMessage), and DeadServer on loopback
                          and MOBILE, ~16 minutes per engine
              --full      the reference run: payload sizes, header profiles, polling sweep, Capacity and the
                          network sweep
              --out DIR   the result directory (default results/<timestamp>)
              --engines   which engines (default: every engine on the class path)
              --only      of the mode's benchmarks only these, e.g. --networks --only DeadServer
            """;

    private RunSuite() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean full = rest.remove("--full");
        boolean quick = rest.remove("--quick");
        boolean networks = rest.remove("--networks");
        Path out = Path.of("results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")));
        List<Engine> engines = availableEngines();
        List<String> only = List.of();
        try {
            for (int i = 0; i < rest.size(); i += 2) {
                String value = rest.get(i + 1);
                switch (rest.get(i)) {
                    case "--out" -> out = Path.of(value);
                    case "--engines" -> engines = Arrays.stream(value.split(",")).map(Engine::parse).toList();
                    case "--only" -> only = Arrays.asList(value.split(","));
                    default -> throw new IllegalArgumentException("unknown flag " + rest.get(i));
                }
            }
            if ((full ? 1 : 0) + (quick ? 1 : 0) + (networks ? 1 : 0) != 1) {
                throw new IllegalArgumentException("say one of --quick, --networks or --full");
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            usageError(e.getMessage());
        }
        String mode = full ? "full" : networks ? "networks" : "quick";
        Path histograms = out.resolve("histograms").toAbsolutePath();
        List<Options> plan = null;
        try {
            plan = SuitePlan.only(SuitePlan.of(mode, engines, histograms), only);
        } catch (IllegalArgumentException e) {
            usageError(e.getMessage());
        }
        try {
            run(mode, plan, out, engines);
        } catch (SuiteFailure e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void usageError(String message) {
        System.err.println("run-benchmarks: " + message + "\n" + USAGE);
        System.exit(2);
    }

    /** Runs the plan, JMH's whole output into {@code log} and one line per benchmark point on the console. */
    static List<RunResult> runAll(List<Options> plan, Path log, PrintStream console) throws IOException, SuiteFailure {
        console.println("run-benchmarks: one line per benchmark point; JMH's whole output goes to " + log);
        List<RunResult> results = new ArrayList<>();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            ConsoleProgress progress = new ConsoleProgress(console,
                    OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL));
            // JMH copies what its forks print (the servers' output among it) to this JVM's System.out and
            // System.err, not to the output format: into the log with the rest.
            System.setOut(logStream);
            System.setErr(logStream);
            try {
                for (Options options : plan) {
                    try {
                        results.addAll(new Runner(options, progress).run());
                    } catch (RunnerException e) {
                        progress.failed();
                        logStream.flush();
                        throw SuiteFailure.of(e, log);
                    }
                }
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
        }
        return results;
    }

    static void run(String mode, List<Options> plan, Path out, List<Engine> engines) throws Exception {
        Path histograms = out.resolve("histograms").toAbsolutePath();
        Files.createDirectories(histograms);
        EnvironmentReport.write(out.resolve("env.txt"), mode, engines);
        CalibrationLoad calibrationLoad = SuitePlan.calibration(mode);
        List<Floor> floors = Calibration.measure(calibrationLoad, engines);
        List<RunResult> results = runAll(plan, out.resolve("jmh.log"), System.out);
        try (PrintStream json = new PrintStream(Files.newOutputStream(out.resolve("jmh.json")), false, "UTF-8")) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, json).writeOut(results);
        }
        List<ResultRow> rows = new ArrayList<>();
        for (RunResult r : results) {
            rows.add(ResultRow.of(r, histograms));
        }
        SummaryWriter summary = new SummaryWriter(rows);
        summary.writeCsv(out.resolve("summary.csv"));
        CalibrationReport calibration = new CalibrationReport(floors, calibrationLoad, rows);
        calibration.writeCsv(out.resolve("calibration.csv"));
        calibration.appendTo(out.resolve("env.txt"));
        String markdown = summary.markdown() + calibration.markdown();
        Files.writeString(out.resolve("summary.md"), markdown);
        System.out.println();
        System.out.println(markdown);
        rows.stream().filter(r -> Boolean.TRUE.equals(r.belowOffered())).forEach(r -> System.out.println(
                "run-benchmarks: WARNING: " + r.benchmark() + " " + r.transport().id() + " " + r.engine().id() + " "
                + r.clients() + " clients: the sender achieved " + MarkdownTable.format(r.figure("sent.achievedPerSecond"))
                + " of " + MarkdownTable.format(r.figure("sent.offeredPerSecond")) + " msgs/s offered (below 99 %)"));
        System.out.println("Results in " + out + " (plots: python3 scripts/plot.py " + out + ")");
    }

    /** The engines whose server classes are on the class path. */
    private static List<Engine> availableEngines() throws IOException {
        List<Engine> engines = new ArrayList<>();
        for (Engine e : Engine.values()) {
            try {
                e.newFactory().close();
                engines.add(e);
            } catch (RuntimeException | LinkageError absent) {
                System.err.println("run-benchmarks: engine " + e.id() + " is not available: " + absent.getMessage());
            }
        }
        return engines;
    }
}
