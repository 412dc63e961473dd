package org.pushbench.bench.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import org.pushbench.bench.calibration.CalibrationLoad;
import org.pushbench.bench.jmh.WindowProfiler;
import org.pushbench.server.Engine;

/**
 * What {@code --quick} and {@code --full} run. Quick: FanOut and IdleCost for every transport and engine at one
 * small load, a couple of minutes in all. Full: the reference run: two payload sizes, the browser header profile,
 * the short-polling interval sweep, idle cost with both header profiles, the Capacity sweep and the network sweep.
 * Networks: FanOut on each emulated link (loopback comes from the full run's own 64-byte FanOut, or is run here),
 * FirstMessage on loopback and each link, plain and over TLS, and DeadServer on loopback and MOBILE (its figure is
 * the keep-alive period's price, which the link barely moves: two networks show that).
 */
final class SuitePlan {

    private SuitePlan() {
    }

    static List<Options> of(String mode, List<Engine> engines, Path histograms) {
        return switch (mode) {
            case "full" -> full(engines, histograms);
            case "networks" -> networks(engines, histograms);
            default -> quick(engines, histograms);
        };
    }

    /** The plan's runs of the named benchmarks, all of it when none are named; a name not in the plan is refused. */
    static List<Options> only(List<Options> plan, List<String> benchmarks) {
        if (benchmarks.isEmpty()) {
            return plan;
        }
        List<Options> kept = new ArrayList<>();
        for (String name : benchmarks) {
            List<Options> runs = plan.stream().filter(o -> o.getIncludes().contains(include(name))).toList();
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("--only " + name + ": not in this mode's plan, whose benchmarks are "
                        + plan.stream().map(o -> benchmarkName(o.getIncludes().get(0))).distinct().toList());
            }
            runs.stream().filter(o -> !kept.contains(o)).forEach(kept::add);
        }
        return kept;
    }

    private static String include(String benchmark) {
        return "org\\.pushbench\\.bench\\.jmh\\." + benchmark + "\\.";
    }

    private static String benchmarkName(String include) {
        return include.replace("org\\.pushbench\\.bench\\.jmh\\.", "").replace("\\.", "");
    }

    static List<Options> quick(List<Engine> engines, Path histograms) {
        return List.of(
                base("FanOut", engines, histograms, "1g").param("clients", "50").param("rate", "20")
                        .warmupIterations(1).warmupTime(TimeValue.seconds(3))
                        .measurementIterations(2).measurementTime(TimeValue.seconds(3)).build(),
                base("IdleCost", engines, histograms, "1g").param("clients", "200").param("keepaliveMs", "2000")
                        .warmupIterations(1).warmupTime(TimeValue.seconds(3))
                        .measurementIterations(1).measurementTime(TimeValue.seconds(6)).build());
    }

    /** The calibration each mode measures: the load of its FanOut runs at the lightest fan-out (64 B). */
    static CalibrationLoad calibration(String mode) {
        return !mode.equals("quick")
                ? new CalibrationLoad(200, 20, 64, Duration.ofSeconds(4), Duration.ofSeconds(10), 5000, 200)
                : new CalibrationLoad(50, 20, 64, Duration.ofSeconds(3), Duration.ofSeconds(6), 2000, 100);
    }

    static List<Options> full(List<Engine> engines, Path histograms) {
        List<Options> plan = new ArrayList<>();
        plan.add(fanOut(engines, histograms).param("payloadBytes", "64", "4096").build());
        plan.add(fanOut(engines, histograms).param("headers", "BROWSER").build());
        plan.add(fanOut(engines, histograms).param("transport", "SHORT_POLLING")
                .param("pollIntervalMs", "100", "250", "500", "2000").build());
        plan.add(base("IdleCost", engines, histograms, "1g").param("clients", "200").param("keepaliveMs", "5000")
                .param("headers", "MINIMAL", "BROWSER")
                .warmupIterations(1).warmupTime(TimeValue.seconds(6))
                .measurementIterations(2).measurementTime(TimeValue.seconds(10)).build());
        plan.add(base("Capacity", engines, histograms, "2g").param("clients", "1000", "4000", "8000")
                .warmupIterations(1).warmupTime(TimeValue.seconds(8))
                .measurementIterations(2).measurementTime(TimeValue.seconds(6)).build());
        plan.addAll(networkSweep(engines, histograms, EMULATED));
        return plan;
    }

    /** The emulated links of the network sweep. */
    private static final String[] EMULATED = {"LAN", "WAN", "MOBILE"};

    static List<Options> networks(List<Engine> engines, Path histograms) {
        return networkSweep(engines, histograms, "LOOPBACK", "LAN", "WAN", "MOBILE");
    }

    private static List<Options> networkSweep(List<Engine> engines, Path histograms, String... fanOutNetworks) {
        return List.of(
                fanOut(engines, histograms).param("network", fanOutNetworks).build(),
                // Newcomers on a MOBILE link take ~0.5 s each with their close: 10 s windows time ~20 of them.
                base("FirstMessage", engines, histograms, "1g").param("network", "LOOPBACK", "LAN", "WAN", "MOBILE")
                        .param("tls", "OFF", "ON")
                        .warmupIterations(1).warmupTime(TimeValue.seconds(3))
                        .measurementIterations(2).measurementTime(TimeValue.seconds(5)).build(),
                // One operation gathers its watchers over a 2 s period and waits up to 3 s for the last to notice.
                base("DeadServer", engines, histograms, "1g").param("network", "LOOPBACK", "MOBILE")
                        .warmupIterations(0).measurementIterations(2).measurementTime(TimeValue.seconds(5))
                        .build());
    }

    private static ChainedOptionsBuilder fanOut(List<Engine> engines, Path histograms) {
        return base("FanOut", engines, histograms, "1g").param("clients", "200").param("rate", "20")
                .warmupIterations(2).warmupTime(TimeValue.seconds(4))
                .measurementIterations(3).measurementTime(TimeValue.seconds(5));
    }

    /** Every run: one fork, the pushbench profiler, histograms to the run's directory, stop on the first failure. */
    private static ChainedOptionsBuilder base(String benchmark, List<Engine> engines, Path histograms, String heap) {
        return new OptionsBuilder()
                .include(include(benchmark))
                .param("engine", engines.stream().map(Engine::name).toArray(String[]::new))
                .forks(1)
                .jvmArgsAppend("-Xms" + heap, "-Xmx" + heap, "-D" + "pushbench.histograms=" + histograms)
                .addProfiler(WindowProfiler.class)
                .shouldFailOnError(true);
    }
}
