package org.pushbench.bench.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.pushbench.bench.load.ProcessOutput;
import org.pushbench.server.Engine;

/**
 * A {@link FloorServerMain} in a new JVM with the heap a pushbench server gets, and the CPU time it has used
 * ({@link ProcessHandle.Info#totalCpuDuration()}), as a pushbench server's CPU is read from its own process.
 */
final class FloorServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    FloorServerProcess(Engine engine, String heap, Duration timeout) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch", "-cp", System.getProperty("java.class.path"),
                FloorServerMain.class.getName(), engine.id());
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "pushbench-floor-stop"));
        try {
            port = CompletableFuture.supplyAsync(this::readPort).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the " + engine.id() + " floor server did not start: " + command, e);
        }
    }

    private int readPort() {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(FloorServerMain.PORT_LINE)) {
                    ProcessOutput.echo(out, "[floor] ", "pushbench-floor-output");
                    return Integer.parseInt(line.substring(FloorServerMain.PORT_LINE.length()).trim());
                }
                System.out.println("[floor] " + line);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("the floor server exited before printing its port");
    }

    int port() {
        return port;
    }

    /** CPU time the server process has used so far, user and system. */
    long cpuNanos() {
        return process.info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("this OS does not tell a process's CPU time")).toNanos();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // it has exited already
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
