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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * The chat server a run measures: by default a fresh JVM of its own ({@code org.pushbench.launcher.Launcher},
 * the main class of chat-servers.jar, from this process's class path), so its CPU, memory and threads are its
 * own and not the clients'; or a server already running ({@link #attach}), with or without an admin port.
 */
public final class ServerUnderTest implements AutoCloseable {

    private static final String ADMIN_LINE = "pushbench admin ";

    /** How long a server may take to stop on SIGTERM before it is killed. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String host;
    private final Map<Transport, Integer> ports;
    private final String engine;
    private final ServerProbe probe;
    private final AdminClient admin;
    private final String adminAddress;
    private final long pid;
    private final Process process;
    private final Thread stopHook;

    private ServerUnderTest(String host, Map<Transport, Integer> ports, String engine, ServerProbe probe,
            AdminClient admin, String adminAddress, long pid, Process process, Thread stopHook) {
        this.host = host;
        this.ports = ports;
        this.engine = engine;
        this.probe = probe;
        this.admin = admin;
        this.adminAddress = adminAddress;
        this.pid = pid;
        this.process = process;
        this.stopHook = stopHook;
    }

    private static ServerUnderTest withAdmin(URI base, Process process, Thread stopHook)
            throws IOException, InterruptedException {
        AdminClient admin = new AdminClient(base);
        AdminClient.Health health = admin.health();
        return new ServerUnderTest(base.getHost(), health.ports(), health.engine(), admin, admin,
                base.getHost() + ":" + base.getPort(), process == null ? -1 : process.pid(), process, stopHook);
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
            return withAdmin(base, process, stopHook);
        } catch (Exception e) {
            process.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(stopHook);
            throw new IOException("the server did not start: " + command, e);
        }
    }

    /**
     * A server already running ({@link ServerAddress}). With an admin port, the engine it reports must be
     * {@code expected}: a run labelled with another engine is refused. Without one, nothing can check the label.
     */
    public static ServerUnderTest attach(String spec, Engine expected) throws IOException, InterruptedException {
        ServerAddress address = ServerAddress.parse(spec);
        if (!address.hasAdminPort()) {
            ServerProbe probe = address.pid() > 0 ? new ProcessProbe(address.pid()) : ServerProbe.none();
            return new ServerUnderTest(address.host(), address.ports(), null, probe, null, null, address.pid(), null,
                    null);
        }
        ServerUnderTest server = withAdmin(URI.create("http://" + spec + "/"), null, null);
        if (!expected.id().equals(server.engine)) {
            throw new IllegalArgumentException("the server at " + spec + " reports engine \"" + server.engine
                    + "\", but the run is labelled engine=" + expected + "; give the engine it runs");
        }
        return server;
    }

    /** Echoes the server's output to ours (prefixed) and returns its admin URL once it prints it. */
    private static String readAdminLine(Process process) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(ADMIN_LINE)) {
                    ProcessOutput.echo(out, "[server] ", "pushbench-server-output");
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

    /** The engine the server reports, or "unknown" for a server without an admin port. */
    public String engine() {
        return engine == null ? "unknown" : engine;
    }

    public int port(Transport transport) {
        Integer port = ports.get(transport);
        if (port == null) {
            throw new IllegalStateException("the server runs no " + transport.id() + " transport");
        }
        return port;
    }

    /** The server's OS threads ({@link ProcessProbe#threads}), or -1 when its process is not known. */
    public int osThreads() {
        return ProcessProbe.threads(pid);
    }

    /** The sockets its process holds open ({@link ProcessProbe#sockets}), or -1 when not known. */
    public int osSockets() {
        return ProcessProbe.sockets(pid);
    }

    /** The server's process on this machine, or -1 when not known. */
    public long pid() {
        return pid;
    }

    /** {@code host:adminPort}, or null for a server without an admin port. */
    public String adminAddress() {
        return adminAddress;
    }

    /** Where the window reads the server's figures. */
    public ServerProbe probe() {
        return probe;
    }

    /** The admin port of a server that has one (every pushbench server). */
    public AdminClient admin() {
        if (admin == null) {
            throw new IllegalStateException("the server at " + host + " has no admin port");
        }
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
