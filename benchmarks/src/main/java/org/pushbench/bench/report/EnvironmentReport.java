package org.pushbench.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.pushbench.server.Engine;

/** {@code env.txt}: the machine, the JVM and the code a result came from, so a reader can tell runs apart. */
final class EnvironmentReport {

    private EnvironmentReport() {
    }

    static void write(Path file, String mode, List<Engine> engines) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("date: " + ZonedDateTime.now());
        lines.add("mode: " + mode);
        lines.add("engines: " + engines.stream().map(Engine::id).toList());
        lines.add("git commit: " + command("git", "rev-parse", "HEAD") + dirty());
        lines.add("os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        lines.add("cpus: " + Runtime.getRuntime().availableProcessors() + " (" + cpuModel() + ")");
        lines.add("memory: " + ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1 << 20) + " MiB");
        lines.add("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        lines.add("open files limit: " + command("sh", "-c", "ulimit -n"));
        lines.add("load average (1, 5, 15 min) at start: " + loadAverage()
                + " (other work on the machine competes with clients and server: read the calibration floors)");
        lines.add("loopback only; server and clients in separate JVMs on the same machine");
        Files.write(file, lines);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String dirty() {
        String status = command("git", "status", "--porcelain", "--untracked-files=no");
        return status.isEmpty() ? "" : " (with uncommitted changes)";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
