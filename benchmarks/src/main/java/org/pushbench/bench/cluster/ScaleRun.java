package org.pushbench.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.fleet.MemberFleet;
import org.pushbench.bench.load.AdminClient;
import org.pushbench.bench.load.ChatLoad;
import org.pushbench.bench.load.LatencySummary;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.Members;
import org.pushbench.bench.load.MessageEncoder;
import org.pushbench.bench.load.ServerSnapshot;
import org.pushbench.server.Transport;

/**
 * Past one process on both sides: one room of {@code members} members over several nodes of a cluster
 * (scripts/cluster.sh: Redis and N nodes; the members connect to the nodes directly, since one HAProxy process
 * would hold two sockets per member within its own 20,000 open files) and several member processes, process i
 * on node i mod N. The publisher sends to node 1 at {@code rate} messages a second; Redis carries each message to
 * every node. The run fails unless every member gets every message exactly once and in order. The nodes wait 60 s
 * for a pong instead of 10: at 50,000 members on two shared cores the member processes answered pings late and
 * the nodes closed 1008 (pong timeout) on over half of them.
 *
 * <pre>java -cp benchmarks.jar org.pushbench.bench.cluster.ScaleRun [members] [rate/s] [nodes] [member processes]
 *     [seconds] [transport]</pre>
 */
public final class ScaleRun {

    private ScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int processes = args.length > 3 ? Integer.parseInt(args[3]) : MemberFleet.processesFor(members);
        Duration measured = Duration.ofSeconds(args.length > 4 ? Integer.parseInt(args[4]) : 30);
        Transport transport = args.length > 5 ? Transport.parse(args[5]) : Transport.WEBSOCKET;
        Path dir = Files.createTempDirectory("pushbench-scale");
        try (ClusterProcess cluster = ClusterProcess.start(Path.of("."), Path.of("servers/target/chat-servers.jar"),
                nodes, "netty", "roundrobin", dir, List.of("--pong-timeout", "60s"))) {
            run(cluster, transport, members, rate, processes, measured);
        }
    }

    private static void run(ClusterProcess cluster, Transport t, int members, int rate, int processes,
            Duration measured) throws Exception {
        String room = "scale-" + System.nanoTime();
        LoadSpec spec = new LoadSpec(t, members, rate, 64, 1000, 0, HeaderProfile.MINIMAL, room);
        List<AdminClient> nodes = cluster.nodes().stream().map(ClusterProcess.Node::admin).toList();
        List<ClientTarget> targets = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            targets.add(new ClientTarget("127.0.0.1", nodes.get(i % nodes.size()).health().ports().get(t), room,
                    spec.headers()));
        }
        System.out.println("before: " + sockstat());
        long connectStart = System.nanoTime();
        MemberFleet fleet = MemberFleet.start(spec, targets, "1g");
        try (ClientLoop loop = new ClientLoop(1);
                ChatLoad load = new ChatLoad(spec, targets.get(0), loop, fleet, MessageEncoder.sentMessages(64))) {
            load.connect(Duration.ofMinutes(1).plus(Duration.ofMillis(20L * members)));
            System.out.printf("connected %d members in %.1f s over %d member processes; %s%n", members,
                    (System.nanoTime() - connectStart) / 1e9, processes, sockstat());
            load.startSending();
            Thread.sleep(5_000); // warm-up, not measured
            Members.Reading warm = fleet.read();
            long nodeCpu = -nodeCpu(nodes, t);
            long memberCpu = -cpu(fleet.pids());
            Thread.sleep(measured.toMillis());
            Members.Reading window = fleet.read();
            nodeCpu += nodeCpu(nodes, t);
            memberCpu += cpu(fleet.pids());
            StringBuilder perNode = new StringBuilder();
            for (AdminClient node : nodes) {
                ServerSnapshot s = node.metrics(t, true);
                perNode.append(String.format("%d connections, %.0f MiB heap, %.0f MiB RSS; ", s.openConnections(),
                        s.heapUsedBytes() / 1048576.0, s.residentBytes() / 1048576.0));
            }
            load.stopAndVerify(Duration.ofSeconds(120));
            long deliveries = window.counts().minus(warm.counts()).deliveries();
            LatencySummary.Percentiles p = LatencySummary.of(window.latency().corrected(),
                    window.latency().uncorrected()).corrected();
            System.out.printf("delivery check passed: %d members, %d messages sent, every member got every message "
                    + "once and in order%n", members, load.sent());
            System.out.printf("measured %d s: %d deliveries (%.0f/s), latency p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                    + "%d samples; node CPU %.1f µs/delivery (%.2f cores), member processes' CPU %.1f µs/delivery "
                    + "(%.2f cores)%n", measured.toSeconds(), deliveries, deliveries / (double) measured.toSeconds(),
                    p.p50() / 1000.0, p.p99() / 1000.0, p.max() / 1000.0, p.count(), nodeCpu / 1000.0 / deliveries,
                    nodeCpu / 1e9 / measured.toSeconds(), memberCpu / 1000.0 / deliveries,
                    memberCpu / 1e9 / measured.toSeconds());
            System.out.println("nodes: " + perNode);
            System.out.println("member processes' RSS: " + fleet.pids().stream().map(ScaleRun::rssMiB).toList()
                    + " MiB; machine: " + meminfo());
        }
    }

    private static long nodeCpu(List<AdminClient> nodes, Transport t) throws Exception {
        long sum = 0;
        for (AdminClient node : nodes) {
            sum += node.metrics(t, false).cpuTimeNanos();
        }
        return sum;
    }

    private static long cpu(List<Long> pids) {
        return pids.stream().mapToLong(pid -> ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration())
                .map(Duration::toNanos).orElse(0L)).sum();
    }

    /** The kernel's TCP socket count and memory (pages) from /proc/net/sockstat. */
    private static String sockstat() throws IOException {
        return Files.readAllLines(Path.of("/proc/net/sockstat")).stream().filter(l -> l.startsWith("TCP:"))
                .findFirst().orElse("");
    }

    private static String meminfo() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemAvailable") || l.startsWith("Slab")).toList().toString();
    }

    private static long rssMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(0) / 1024;
        } catch (IOException e) {
            return -1;
        }
    }
}
