package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/plot.py on the committed sample run (results/sample/, a real --quick run): every figure appears, as PNG
 * and SVG, and a comparison of two runs works. Skipped with a reason where no python3 has matplotlib, except in
 * CI, whose .ci/run installs Debian's python3-matplotlib, so that it never skips there.
 */
class PlotScriptTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "plot.py");
    private static final Path SAMPLE = Path.of("..", "results", "sample");
    private static final List<String> FIGURES = List.of("latency-percentiles", "bytes-per-delivery", "polling-dial",
            "server-load", "idle-cost", "model-vs-measured");

    @TempDir
    Path dir;

    @Test
    void everyFigureOfTheSampleRunIsWrittenAsPngAndSvg() throws Exception {
        String python = pythonWithMatplotlib();
        Path run = copy(SAMPLE, dir.resolve("sample"));
        Path other = copy(SAMPLE, dir.resolve("other"));

        assertEquals(0, plot(python, run.toString()));
        for (String figure : FIGURES) {
            for (String ext : List.of("png", "svg")) {
                Path file = run.resolve("plots").resolve(figure + "." + ext);
                assertTrue(Files.isRegularFile(file) && Files.size(file) > 1000, file + " written");
            }
        }
        assertEquals(0, plot(python, run.toString(), "--compare", other.toString()), "--compare");
        assertTrue(plot(python, dir.resolve("absent").toString()) != 0, "a missing directory is an error");
    }

    private static int plot(String python, String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(python, SCRIPT.toString()), Stream.of(args)).toList();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "plot.py finished: " + output);
        System.out.print(output);
        return p.exitValue();
    }

    private static String pythonWithMatplotlib() throws InterruptedException {
        Optional<String> found = Stream.of("python3", "/usr/bin/python3").filter(PlotScriptTest::hasMatplotlib)
                .findFirst();
        if (found.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError("CI must have python3 with matplotlib (.ci/run installs python3-matplotlib)");
        }
        assumeTrue(found.isPresent(), "no python3 with matplotlib: apt-get install python3-matplotlib");
        return found.get();
    }

    private static boolean hasMatplotlib(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import matplotlib").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.startsWith(from.resolve("plots"))) {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
