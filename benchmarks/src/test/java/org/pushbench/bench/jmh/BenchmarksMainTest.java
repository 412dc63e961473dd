package org.pushbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** benchmarks.jar's main class: a failing benchmark exits non-zero unless the user asked JMH to carry on. */
class BenchmarksMainTest {

    @TempDir
    Path dir;

    @Test
    void failOnErrorIsOnUnlessTheUserSetsIt() {
        assertArrayEquals(new String[] {"-foe", "true", "FanOut", "-p", "clients=4"},
                BenchmarksMain.withFailOnError("FanOut", "-p", "clients=4"));
        assertArrayEquals(new String[] {"FanOut", "-foe", "false"},
                BenchmarksMain.withFailOnError("FanOut", "-foe", "false"));
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aBenchmarkThatFailsExitsOne() throws Exception {
        // Nothing listens on port 1: the trial's set-up fails on the server's /health.
        Path log = dir.resolve("jmh.log");
        Process run = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djmh.ignoreLock=true",
                "-cp", System.getProperty("java.class.path"), BenchmarksMain.class.getName(), "FanOut",
                "-f", "0", "-wi", "0", "-i", "1", "-r", "1s",
                "-p", "transport=WEBSOCKET", "-p", "engine=NETTY", "-p", "server=127.0.0.1:1"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(run.waitFor(80, TimeUnit.SECONDS), "the run did not end");
            assertEquals(1, run.exitValue(), Files.readString(log));
        } finally {
            run.destroyForcibly();
        }
    }
}
