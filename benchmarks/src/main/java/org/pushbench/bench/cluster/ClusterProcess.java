package org.pushbench.bench.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pushbench.bench.load.AdminClient;
import org.pushbench.server.Transport;

/**
 * A cluster started by {@code scripts/cluster.sh} (Redis, N nodes on it, HAProxy in front) on free loopback
 * ports, read from the lines the script prints; closing it sends the script SIGTERM, and the script stops all it
 * started.
 */
public final class ClusterProcess implements AutoCloseable {

    private static final Pattern NODE = Pattern.compile("cluster node (\\d+) pid (\\d+) admin (\\S+)");
    private static final Pattern HELPER = Pattern.compile("cluster (redis|balancer) .*pid (\\d+)");

    /** One node: its process id (to kill it) and its admin port (its own figures). */
    public record Node(int index, long pid, AdminClient admin) {
    }

    private final Process script;
    private final List<Node> nodes;
    private final int frontPort;
    private final List<Long> helperPids;

    private ClusterProcess(Process script, List<Node> nodes, int frontPort, List<Long> helperPids) {
        this.script = script;
        this.nodes = nodes;
        this.frontPort = frontPort;
        this.helperPids = helperPids;
    }

    /**
     * Starts {@code nodes} nodes of {@code engine} behind HAProxy balancing by {@code balance} (roundrobin, source
     * or cookie), running {@code jar}; returns once the script says the cluster is ready.
     */
    public static ClusterProcess start(Path repository, Path jar, int nodes, String engine, String balance,
            Path dir) throws IOException, InterruptedException {
        return start(repository, jar, nodes, engine, balance, dir, List.of());
    }

    /** The same, each node started with {@code nodeFlags} (launcher flags, e.g. {@code --pong-timeout 60s}). */
    public static ClusterProcess start(Path repository, Path jar, int nodes, String engine, String balance,
            Path dir, List<String> nodeFlags) throws IOException, InterruptedException {
        int front = freeBlock(5, 1);
        int nodeBase = freeBlock(5, nodes) - 10;
        int redis = freeBlock(1, 1);
        List<String> command = new ArrayList<>(List.of("scripts/cluster.sh", "--nodes", Integer.toString(nodes),
                "--engine", engine, "--balance", balance, "--front-port", Integer.toString(front), "--node-port",
                Integer.toString(nodeBase), "--redis-port", Integer.toString(redis), "--dir", dir.toString(),
                "--jar", jar.toString()));
        if (!nodeFlags.isEmpty()) {
            command.add("--");
            command.addAll(nodeFlags);
        }
        Process script = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
        List<Node> found = new ArrayList<>();
        List<Long> helpers = new ArrayList<>();
        StringBuilder said = new StringBuilder();
        BufferedReader out = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            said.append(line).append('\n');
            Matcher m = NODE.matcher(line);
            Matcher helper = HELPER.matcher(line);
            if (helper.matches()) {
                helpers.add(Long.parseLong(helper.group(2)));
            } else if (m.matches()) {
                found.add(new Node(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                        new AdminClient(URI.create(m.group(3)))));
            } else if (line.startsWith("cluster ready")) {
                Thread drain = new Thread(() -> drain(out), "cluster-script-output");
                drain.setDaemon(true);
                drain.start();
                return new ClusterProcess(script, found, front, helpers);
            }
        }
        script.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("scripts/cluster.sh did not start the cluster:\n" + said);
    }

    /** Reads what the script prints after it is ready, so it never blocks on a full pipe, until it exits. */
    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                continue;
            }
        } catch (IOException e) {
            return; // the script has exited
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The process ids of redis-server and haproxy, for their CPU time. */
    public List<Long> helperPids() {
        return helperPids;
    }

    /** The balancer's port for a transport. */
    public int balancerPort(Transport transport) {
        return frontPort + switch (transport) {
            case SHORT_POLLING -> 1;
            case LONG_POLLING -> 2;
            case WEBSOCKET -> 3;
            case SSE -> 4;
        };
    }

    /** Kills a node as a crash would (SIGKILL) and waits until it is gone. */
    public void kill(Node node) throws InterruptedException {
        ProcessHandle handle = ProcessHandle.of(node.pid()).orElseThrow(
                () -> new IllegalStateException("node " + node.index() + " is not running"));
        handle.destroyForcibly();
        handle.onExit().join();
    }

    @Override
    public void close() throws InterruptedException {
        script.destroy();
        if (!script.waitFor(30, TimeUnit.SECONDS)) {
            script.destroyForcibly();
            throw new IllegalStateException("scripts/cluster.sh did not stop within 30 s");
        }
    }

    /** A base port b where b .. b+width-1, b+10 .. b+10+width-1, ... ({@code blocks} of them) are all free. */
    private static int freeBlock(int width, int blocks) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            // Below the ephemeral range (32768-60999): a port there, free when checked, may be taken by any
            // outgoing connection before the script binds it (HAProxy then failed with "Address already in use").
            int base = 20_000 + 10 * ThreadLocalRandom.current().nextInt(1_000);
            if (allFree(base, width, blocks)) {
                return base;
            }
        }
        throw new IOException("no free block of loopback ports found");
    }

    private static boolean allFree(int base, int width, int blocks) {
        for (int b = 0; b < blocks; b++) {
            for (int p = 0; p < width; p++) {
                try (ServerSocket s = new ServerSocket(base + 10 * b + p, 1, InetAddress.getLoopbackAddress())) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
