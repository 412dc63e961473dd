package org.pushbench.store;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away redis-server (Debian's redis-server) on a free loopback port, without persistence, for tests.
 * Where it is missing the test is skipped on a developer's machine and fails in CI (env CI set), which installs it.
 */
public final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RedisServer start() throws IOException, InterruptedException {
        String binary = findOnPath("redis-server");
        if (binary == null) {
            String why = "redis-server is not installed (Debian package redis-server)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(why + "; CI must install it (.ci/run)");
            }
            Assumptions.abort(why);
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = Files.createTempFile("redis-test", ".log");
        Process p = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RedisServer server = new RedisServer(p, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.answersPing()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("redis-server did not start: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        Files.deleteIfExists(log);
        return server;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Empties the server between tests: FLUSHALL over a plain socket (RESP inline command). */
    public void flushAll() throws IOException {
        if (!command("FLUSHALL").startsWith("+OK")) {
            throw new IllegalStateException("FLUSHALL failed");
        }
    }

    private boolean answersPing() {
        try {
            return command("PING").startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private String command(String inline) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(5000);
            s.getOutputStream().write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[64];
            int n = s.getInputStream().read(reply);
            return n <= 0 ? "" : new String(reply, 0, n, StandardCharsets.US_ASCII);
        }
    }

    private static String findOnPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        File sbin = new File("/usr/bin/" + name);
        return sbin.canExecute() ? sbin.getPath() : null;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
