package org.pushbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code java -jar servers/target/chat-servers.jar}, run as a user runs it: it starts, serves, and stops on a signal. */
// A separate thread, so that a jar that never prints its admin line fails the test instead of hanging the build.
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LauncherJarIT {

    private static final Path JAR = Path.of("target", "chat-servers.jar");

    @ParameterizedTest
    @ValueSource(strings = {"netty", "jetty"})
    void theJarServesAllFourTransportsAndStopsCleanly(String engine) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "package builds " + JAR);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "--engine", engine, "--admin-port", "0",
                "--short-polling-port", "0", "--long-polling-port", "0", "--websocket-port", "0", "--sse-port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String admin = null;
            while (admin == null) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
                if (line.startsWith("pushbench admin ")) {
                    admin = line.substring("pushbench admin ".length());
                }
            }
            assertTrue(admin != null, "the jar prints its admin URL: " + lines);
            assertEquals(4, lines.stream().filter(l -> l.startsWith("pushbench: ")).count(), "one line per server");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(admin + "health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"short-polling\""), health.body());
            assertTrue(health.body().contains("\"engine\":\"" + engine + "\""), health.body());

            process.destroy();
            assertTrue(process.waitFor(15, TimeUnit.SECONDS), "stops on SIGTERM");
            assertEquals(143, process.exitValue(), "terminated by the signal after its shutdown hook");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void badFlagsExitWithTwoAndAReason() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "--retention", "none")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(15, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertTrue(output.contains("--retention must be an integer"), output);
    }

    @Test
    void anUnreachableRedisStoreExitsWithTwoAndItsAddress() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "--admin-port", "0",
                "--short-polling-port", "0", "--long-polling-port", "0", "--websocket-port", "0",
                "--sse-port", "0", "--store", "redis://127.0.0.1:1").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("pushbench: cannot reach Redis at redis://127.0.0.1:1"), output);
    }
}
