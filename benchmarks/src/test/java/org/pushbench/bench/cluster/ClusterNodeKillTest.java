package org.pushbench.bench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.pushbench.server.Transport;

/**
 * A real cluster from scripts/cluster.sh (redis-server, two nodes on the Redis store, HAProxy round-robin):
 * 200 members per transport through the balancer, node 1 killed mid-run. Every member must end with every
 * message exactly once and in order, having reconnected through the balancer from its cursor.
 */
class ClusterNodeKillTest {

    private static final int MEMBERS = 200;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aKilledNodeCostsItsMembersNoMessageAndNoDuplicate(@TempDir Path dir) throws Exception {
        requireTools("redis-server", "haproxy");
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Path jar = repository.resolve("servers/target/chat-servers.jar");
        assertTrue(Files.isRegularFile(jar), "build the servers first (mvn -pl benchmarks -am verify): " + jar);
        try (ClusterProcess cluster = ClusterProcess.start(repository, jar, 2, "netty", "roundrobin", dir)) {
            List<NodeKillRun.Outcome> outcomes = NodeKillRun.run(cluster, MEMBERS, 10, Duration.ofSeconds(3),
                    Duration.ofSeconds(4)).outcomes();
            assertEquals(4, outcomes.size(), "one outcome per transport");
            for (NodeKillRun.Outcome o : outcomes) {
                String what = o.toString();
                System.out.println("node kill: " + what);
                assertEquals(0, o.lost(), what);
                assertEquals(0, o.duplicated(), what);
                assertEquals(0, o.reordered(), what);
                assertTrue(o.catchUpMillis() >= 0, "every member caught up after the kill: " + what);
                assertTrue(o.connectionsPerNode().get(0) > 0 && o.connectionsPerNode().get(1) > 0,
                        "the balancer used both nodes: " + what);
                if (o.transport() == Transport.WEBSOCKET || o.transport() == Transport.SSE) {
                    assertTrue(o.reconnects() >= o.connectionsPerNode().get(0),
                            "every member of the killed node reconnected: " + what);
                }
            }
        }
    }

    private static void requireTools(String... tools) throws Exception {
        for (String tool : tools) {
            boolean present = new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
            if (!present) {
                String why = tool + " is not installed (Debian package " + tool + ")";
                if (System.getenv("CI") != null) {
                    throw new IllegalStateException(why + "; CI must install it (.ci/run)");
                }
                Assumptions.abort(why);
            }
        }
    }
}
