package org.pushbench.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * The chat server a run measures: by default a fresh JVM of its own ({@code org.pushbench.launcher.Launcher},
 * the main class of chat-servers.jar, from this process's class path), so its CPU, memory and threads are its
 * own and not the clients'; or, given {@code host:adminPort}, a server already running elsewhere.
 */
public final class ServerUnderTest implements AutoCloseable {

    private static final String ADMIN_LINE = "pushbench admin ";

    /** How long a server may take to stop on SIGTERM before it is killed. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String host;
    private final AdminClient admin;
    private final AdminClient.Health health;
    private final Process process;
    private final Thread stopHook;

    private ServerUnderTest(String host, AdminClient admin, Process process, Thread stopHook)
            throws IOException, InterruptedException {
        this.host = host;
        this.admin = admin;
        this.health = admin.health();
        this.process = process;
        this.stopHook = stopHook;
    }

    /**
     * Starts {@code engine}'s servers for {@code transports} in a new JVM on free loopback ports, with a fixed heap
     * so memory figures are comparable, and waits until its admin port answers.
     */
    public static ServerUnderTest start(Engine engine, Collection<Transport> transports, String heap,
            List<String> serverFlags, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A server out of memory exits at once instead of lingering half-dead with its sockets open.
                "-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), "org.pushbench.launcher.Launcher",
                // Its stdin is our pipe: when this JVM dies, even by SIGKILL, the server sees end of file and exits.
                "--exit-with-parent", "--engine", engine.id(), "--admin-port", "0",
                "--transports", transports.stream().map(Transport::id).collect(Collectors.joining(","))));
        for (Transport t : transports) {
            command.addAll(List.of("--" + t.id() + "-port", "0"));
        }
        command.addAll(serverFlags);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // A run stopped with Ctrl-C (or JMH ending its fork) takes its server along instead of orphaning it.
        Thread stopHook = new Thread(() -> stop(process), "pushbench-server-stop");
        Runtime.getRuntime().addShutdownHook(stopHook);
        CompletableFuture<String> adminUrl = CompletableFuture.supplyAsync(() -> readAdminLine(process));
        try {
            String url = adminUrl.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            URI base = URI.create(url);
            return new ServerUnderTest(base.getHost(), new AdminClient(base), process, stopHook);
        } catch (Exception e) {
            process.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(stopHook);
            throw new IOException("the server did not start: " + command, e);
        }
    }

    /** A server already running: {@code host:adminPort}. */
    public static ServerUnderTest attach(String hostAndAdminPort) throws IOException, InterruptedException {
        URI base = URI.create("http://" + hostAndAdminPort + "/");
        return new ServerUnderTest(base.getHost(), new AdminClient(base), null, null);
    }

    /** Echoes the server's output to ours (prefixed) and returns its admin URL once it prints it. */
    private static String readAdminLine(Process process) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(ADMIN_LINE)) {
                    Thread drain = new Thread(() -> out.lines().forEach(l -> System.out.println("[server] " + l)),
                            "pushbench-server-output");
                    drain.setDaemon(true);
                    drain.start();
                    return line.substring(ADMIN_LINE.length());
                }
                System.out.println("[server] " + line);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("the server exited before printing its admin URL");
    }

    public String host() {
        return host;
    }

    public String engine() {
        return health.engine();
    }

    public int port(Transport transport) {
        Integer port = health.ports().get(transport);
        if (port == null) {
            throw new IllegalStateException("the server runs no " + transport.id() + " transport");
        }
        return port;
    }

    /**
     * The server's OS threads ({@code /proc/<pid>/task}: JVM threads plus the GC, JIT and other native ones the
     * JVM's own count leaves out), or -1 when the server is not a process this run started.
     */
    public int osThreads() {
        if (process == null) {
            return -1;
        }
        String[] tasks = new java.io.File("/proc/" + process.pid() + "/task").list();
        return tasks == null ? -1 : tasks.length;
    }

    public AdminClient admin() {
        return admin;
    }

    /** Stops a server this run started; leaves an attached one running. */
    @Override
    public void close() {
        if (process != null) {
            stop(process);
            try {
                Runtime.getRuntime().removeShutdownHook(stopHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to; the server is stopped either way.
            }
        }
    }

    /** SIGTERM, then SIGKILL if the server has not exited within {@link #STOP_TIMEOUT}. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
