package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs scripts/plot.py on copies of the committed runs (results/sample, a real --quick run, and
 * results/reference, a real --full one) and reads the plots/manifest.json it writes: what every figure drew.
 * Where no python3 has matplotlib and markdown the tests are skipped with the command that installs them,
 * except in CI, whose .ci/run installs python3-matplotlib and python3-markdown, so that there they fail.
 */
final class PlotScript {

    static final Path SCRIPT = Path.of("..", "scripts", "plot.py");
    static final Path SAMPLE = Path.of("..", "results", "sample");
    /** The reference network sweep: FanOut and FirstMessage over loopback, LAN, WAN and MOBILE. */
    static final Path NETWORK = Path.of("..", "results", "network");
    static final Path REFERENCE = Path.of("..", "results", "reference");

    record Result(int exitCode, String output) {
    }

    private final String python;

    private PlotScript(String python) {
        this.python = python;
    }

    static PlotScript find() {
        Optional<String> found = Stream.of("python3", "/usr/bin/python3").filter(PlotScript::hasModules).findFirst();
        String why = "no python3 with matplotlib and markdown: apt-get install python3-matplotlib python3-markdown";
        if (found.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError("CI must have them (.ci/run installs them): " + why);
        }
        assumeTrue(found.isPresent(), why);
        return new PlotScript(found.get());
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(python, SCRIPT.toString()), Stream.of(args)).toList();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "plot.py finished: " + output);
        System.out.print(output);
        return new Result(p.exitValue(), output);
    }

    /** Plots, expecting success, and returns the manifest. */
    JsonNode plot(Path run, String... flags) throws IOException, InterruptedException {
        String[] args = Stream.concat(Stream.of(run.toString()), Stream.of(flags)).toArray(String[]::new);
        Result result = run(args);
        assertTrue(result.exitCode() == 0, "plot.py " + String.join(" ", args) + " succeeded: " + result.output());
        return manifest(run);
    }

    static JsonNode manifest(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("plots").resolve("manifest.json").toFile());
    }

    /** A copy of a committed run without its plots, so that every test plots from scratch. */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.startsWith(from.resolve("plots")) && !f.endsWith("report.html")) {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static boolean hasModules(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import matplotlib, markdown").redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
