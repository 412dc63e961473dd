package org.pushbench.bench.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.load.AdminClient;
import org.pushbench.bench.load.ChatLoad;
import org.pushbench.bench.load.LatencySummary;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.ServerUnderTest;
import org.pushbench.bench.meter.LatencyRecorder;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * The same load on three deployments, one transport at a time: one node on the in-memory store; a node of a
 * two-node cluster on the Redis store, reached directly (the store's cost); and the cluster through HAProxy
 * round-robin, without stickiness (the store's and the balancer's cost). Prints delivery latency (corrected for
 * coordinated omission), CPU per delivery of the nodes and of redis-server + haproxy, and each node's connections.
 *
 * <pre>java -cp benchmarks.jar org.pushbench.bench.cluster.ClusterCompare [members] [rate/s] [seconds]</pre>
 */
public final class ClusterCompare {

    private ClusterCompare() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Duration measured = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 8);
        List<String> rows = new ArrayList<>();
        try (ServerUnderTest single = ServerUnderTest.start(Engine.NETTY, EnumSet.allOf(Transport.class), "512m",
                List.of(), Duration.ofSeconds(30))) {
            for (Transport t : Transport.values()) {
                rows.add(measure("1 node, memory", t, single.port(t), List.of(single.admin()), List.of(),
                        members, rate, measured));
            }
        }
        Path dir = Files.createTempDirectory("pushbench-cluster");
        try (ClusterProcess cluster = ClusterProcess.start(Path.of("."), Path.of("servers/target/chat-servers.jar"),
                2, "netty", "roundrobin", dir)) {
            List<AdminClient> nodes = cluster.nodes().stream().map(ClusterProcess.Node::admin).toList();
            for (Transport t : Transport.values()) {
                int direct = nodes.get(0).health().ports().get(t);
                rows.add(measure("node 1 of 2, Redis", t, direct, nodes, cluster.helperPids(), members, rate,
                        measured));
                rows.add(measure("2 nodes, Redis, HAProxy rr", t, cluster.balancerPort(t), nodes,
                        cluster.helperPids(), members, rate, measured));
            }
        }
        System.out.println("| deployment | transport | members | p50 ms | p99 ms | max ms | node CPU µs/delivery "
                + "| redis+haproxy CPU µs/delivery | connections per node |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static String measure(String deployment, Transport t, int port, List<AdminClient> nodes,
            List<Long> helperPids, int members, int rate, Duration measured) throws Exception {
        String room = "cmp-" + t.id() + "-" + System.nanoTime();
        LoadSpec spec = new LoadSpec(t, members, rate, 64, 1000, 20_000, HeaderProfile.MINIMAL, room);
        try (ClientLoop loop = new ClientLoop(0);
                ChatLoad load = new ChatLoad(spec, new ClientTarget("127.0.0.1", port, room, spec.headers()), loop)) {
            load.connect(Duration.ofSeconds(30));
            load.startSending();
            Thread.sleep(2_000); // warm-up, not measured
            LatencyRecorder latency = load.recipients().latency();
            latency.takeWindow();
            long deliveriesBefore = load.recipients().counts().deliveries();
            long nodeCpu = -nodeCpu(nodes, t);
            long helperCpu = -helperCpu(helperPids);
            Thread.sleep(measured.toMillis());
            LatencyRecorder.Window window = latency.takeWindow();
            nodeCpu += nodeCpu(nodes, t);
            helperCpu += helperCpu(helperPids);
            long deliveries = load.recipients().counts().deliveries() - deliveriesBefore;
            List<Long> connections = new ArrayList<>();
            for (AdminClient node : nodes) {
                connections.add(node.metrics(t, false).openConnections());
            }
            load.stopAndVerify(Duration.ofSeconds(30));
            LatencySummary.Percentiles p = LatencySummary.of(window.corrected(), window.uncorrected()).corrected();
            return String.format("| %s | %s | %d | %.2f | %.2f | %.2f | %.1f | %s | %s |", deployment, t.id(),
                    members, p.p50() / 1000.0, p.p99() / 1000.0, p.max() / 1000.0,
                    nodeCpu / 1000.0 / deliveries,
                    helperPids.isEmpty() ? "—" : String.format("%.1f", helperCpu / 1000.0 / deliveries),
                    connections);
        }
    }

    private static long nodeCpu(List<AdminClient> nodes, Transport t) throws Exception {
        long sum = 0;
        for (AdminClient node : nodes) {
            sum += node.metrics(t, false).cpuTimeNanos();
        }
        return sum;
    }

    private static long helperCpu(List<Long> pids) {
        return pids.stream().mapToLong(pid -> ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration())
                .map(Duration::toNanos).orElseThrow(() -> new IllegalStateException("no CPU time of " + pid)))
                .sum();
    }
}
