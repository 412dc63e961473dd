package org.pushbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No server outlives the harness that started it: a JMH run of FanOut (in its own JVM, the trial in that JVM) is
 * killed with SIGKILL mid-iteration, so no shutdown hook and no tear-down runs; the server JVM it started must
 * exit by itself. Every wait has a deadline and every process is killed in the end, whatever fails.
 */
class OrphanServerTest {

    private static final long STARTUP_DEADLINE_MS = 20_000;
    /** The bound the server must exit within after its parent dies (it takes well under a second when it works). */
    private static final long EXIT_BOUND_SECONDS = 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aServerDiesWithTheHarnessThatStartedIt() throws Exception {
        Path log = dir.resolve("jmh.log");
        Process harness = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djmh.ignoreLock=true", "-Dpushbench.histograms=" + dir.resolve("histograms"),
                "-cp", System.getProperty("java.class.path"), "org.openjdk.jmh.Main", "FanOut",
                "-f", "0", "-wi", "0", "-i", "1", "-r", "100s",
                "-p", "transport=WEBSOCKET", "-p", "engine=NETTY", "-p", "clients=2", "-p", "rate=10",
                "-p", "serverHeap=256m"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Optional<ProcessHandle> server = Optional.empty();
        try {
            server = awaitServer(harness, log);
            awaitLine(harness, log, "Iteration   1");
            harness.destroyForcibly();
            assertTrue(harness.waitFor(EXIT_BOUND_SECONDS, TimeUnit.SECONDS), "the harness did not die");
            ProcessHandle orphan = server.orElseThrow();
            assertTrue(commandLine(orphan).contains("\0-Xmx256m\0"), "the server has the heap it was given");
            try {
                orphan.onExit().get(EXIT_BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                fail("the server (pid " + orphan.pid() + ") outlived its harness by " + EXIT_BOUND_SECONDS + " s");
            }
            assertFalse(orphan.isAlive());
        } finally {
            harness.destroyForcibly();
            server.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The server JVM the harness started: its child running the launcher. */
    private Optional<ProcessHandle> awaitServer(Process harness, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + STARTUP_DEADLINE_MS;
        while (System.currentTimeMillis() < deadline && harness.isAlive()) {
            Optional<ProcessHandle> launcher = harness.toHandle().children()
                    .filter(OrphanServerTest::runsTheLauncher)
                    .findFirst();
            if (launcher.isPresent()) {
                return launcher;
            }
            Thread.sleep(100);
        }
        fail("no server process appeared under the harness; its output:\n" + read(log));
        return Optional.empty();
    }

    private static boolean runsTheLauncher(ProcessHandle process) {
        return commandLine(process).contains("\0org.pushbench.launcher.Launcher\0");
    }

    /** The whole command line, NUL-separated: {@code ProcessHandle.Info} cuts it at 4 KiB, before the class name. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
        } catch (IOException gone) {
            return "";
        }
    }

    private void awaitLine(Process harness, Path log, String text) throws Exception {
        long deadline = System.currentTimeMillis() + STARTUP_DEADLINE_MS;
        while (System.currentTimeMillis() < deadline && harness.isAlive()) {
            if (read(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the harness never printed \"" + text + "\"; its output:\n" + read(log));
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
