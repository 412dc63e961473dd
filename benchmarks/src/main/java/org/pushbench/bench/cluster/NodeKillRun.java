package org.pushbench.bench.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.client.HttpPublisher;
import org.pushbench.bench.load.ServerReading;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Transport;

/**
 * The node-kill scenario: members of every transport in their own rooms, spread by the balancer over the
 * nodes; a publisher posting into every room at a fixed rate through the node that survives; node 1 killed
 * (SIGKILL) mid-run. Reports per transport how many members lost their connection, how long until every member
 * had every message sent before the kill again, and the delivery check (0 lost, 0 duplicated, 0 reordered).
 *
 * <pre>java -cp benchmarks.jar org.pushbench.bench.cluster.NodeKillRun [members] [rate/s] [engine] [balance]</pre>
 */
public final class NodeKillRun {

    /** The windows before and after the kill over which bytes and CPU are compared. */
    static final Duration WINDOW = Duration.ofSeconds(2);

    /**
     * One transport's outcome. {@code bytesBefore} and {@code bytesAfterKill}: what the members' sockets carried
     * in the {@link #WINDOW} before the kill and in the one after it (the reconnect storm).
     */
    public record Outcome(Transport transport, int members, List<Long> connectionsPerNode, long reconnects,
            long catchUpMillis, long sent, long lost, long duplicated, long reordered, long errors,
            String firstError, long bytesBefore, long bytesAfterKill) {
    }

    /** Every transport's outcome, and the surviving node's CPU time in the window before and after the kill. */
    public record Result(List<Outcome> outcomes, long survivorCpuBeforeMillis, long survivorCpuAfterKillMillis) {
    }

    /** The bytes the members' sockets carried so far, per transport, and the survivor's CPU time. */
    private record Moment(Map<Transport, Long> bytes, long cpuNanos) {

        static Moment of(Map<Transport, RoomUnderKill> rooms, ClusterProcess.Node survivor) throws Exception {
            Map<Transport, Long> bytes = new EnumMap<>(Transport.class);
            rooms.forEach((t, room) -> bytes.put(t, room.meters.wire().snapshot().total()));
            return new Moment(bytes, survivor.admin().metrics(Transport.SHORT_POLLING, false).cpuTimeNanos());
        }
    }

    private NodeKillRun() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String engine = args.length > 2 ? args[2] : "netty";
        String balance = args.length > 3 ? args[3] : "roundrobin";
        Path dir = Files.createTempDirectory("pushbench-cluster");
        try (ClusterProcess cluster = ClusterProcess.start(Path.of("."), Path.of("servers/target/chat-servers.jar"),
                2, engine, balance, dir)) {
            System.out.println("| transport | members | connections per node | reconnects | caught up after (ms) "
                    + "| lost | duplicated | reordered | errors | bytes 2 s before | bytes 2 s after |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            Result result = run(cluster, members, rate, Duration.ofSeconds(4), Duration.ofSeconds(6));
            for (Outcome o : result.outcomes()) {
                System.out.printf("| %s | %d | %s | %d | %d | %d | %d | %d | %d | %d | %d |%n", o.transport().id(),
                        o.members(), o.connectionsPerNode(), o.reconnects(), o.catchUpMillis(), o.lost(),
                        o.duplicated(), o.reordered(), o.errors(), o.bytesBefore(), o.bytesAfterKill());
            }
            System.out.printf("%nsurvivor CPU, %d s before the kill: %d ms; %d s after it: %d ms%n",
                    WINDOW.toSeconds(), result.survivorCpuBeforeMillis(), WINDOW.toSeconds(),
                    result.survivorCpuAfterKillMillis());
        }
    }

    /**
     * Runs the scenario on a running cluster of at least two nodes; node 1 is killed. Both durations must be at
     * least {@link #WINDOW}.
     */
    public static Result run(ClusterProcess cluster, int members, int ratePerSecond, Duration beforeKill,
            Duration afterKill) throws Exception {
        ClusterProcess.Node victim = cluster.nodes().get(0);
        ClusterProcess.Node survivor = cluster.nodes().get(1);
        int survivorPort = survivor.admin().health().ports().get(Transport.SHORT_POLLING);
        Map<Transport, RoomUnderKill> rooms = new EnumMap<>(Transport.class);
        List<HttpPublisher> publishers = new ArrayList<>();
        RecipientMeters publisherMeters = new RecipientMeters();
        try (ClientLoop loop = new ClientLoop(0)) {
            for (Transport t : Transport.values()) {
                RoomUnderKill room = new RoomUnderKill(t, members, loop, cluster.balancerPort(t));
                rooms.put(t, room);
                room.connect();
                HttpPublisher publisher = new HttpPublisher(Transport.SHORT_POLLING, loop,
                        new ClientTarget("127.0.0.1", survivorPort, room.room, HeaderProfile.MINIMAL),
                        publisherMeters, 2);
                publisher.start().get();
                publishers.add(publisher);
            }
            RateSender sender = new RateSender(publishers, ratePerSecond);
            sender.start();
            Thread.sleep(beforeKill.minus(WINDOW).toMillis());
            Map<Transport, List<Long>> balance = new EnumMap<>(Transport.class);
            for (ClusterProcess.Node node : cluster.nodes()) {
                ServerReading reading = node.admin().read(false);
                for (Transport t : Transport.values()) {
                    balance.computeIfAbsent(t, k -> new ArrayList<>()).add(reading.of(t).openConnections());
                }
            }
            Moment windowStart = Moment.of(rooms, survivor);
            Thread.sleep(WINDOW.toMillis());
            Moment atKill = Moment.of(rooms, survivor);
            long sentAtKill = sender.sent();
            long killedAt = System.nanoTime();
            cluster.kill(victim);
            Moment stormEnd = null;
            Map<Transport, Long> caughtUp = new EnumMap<>(Transport.class);
            long end = killedAt + afterKill.toNanos();
            // Until the run's end, and past it (by at most 30 s) for a room not yet caught up.
            long giveUp = end + 30_000_000_000L;
            while (System.nanoTime() < giveUp && (System.nanoTime() < end || caughtUp.size() < rooms.size())) {
                if (stormEnd == null && System.nanoTime() - killedAt >= WINDOW.toNanos()) {
                    stormEnd = Moment.of(rooms, survivor);
                }
                for (RoomUnderKill room : rooms.values()) {
                    if (!caughtUp.containsKey(room.transport) && room.allReached(sentAtKill)) {
                        caughtUp.put(room.transport, (System.nanoTime() - killedAt) / 1_000_000);
                    }
                }
                Thread.sleep(5);
            }
            if (stormEnd == null) {
                stormEnd = Moment.of(rooms, survivor);
            }
            long sent = sender.finish();
            List<Outcome> outcomes = new ArrayList<>();
            for (RoomUnderKill room : rooms.values()) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!room.allReached(sent) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                room.meters.check().verify(sent);
                var check = room.meters.check();
                outcomes.add(new Outcome(room.transport, room.size(), balance.get(room.transport),
                        room.meters.reconnects(), caughtUp.getOrDefault(room.transport, -1L), sent, check.lost(),
                        check.duplicated(), check.reordered(), room.meters.counts().errors(),
                        room.meters.firstError(), atKill.bytes().get(room.transport) - windowStart.bytes().get(
                        room.transport), stormEnd.bytes().get(room.transport) - atKill.bytes().get(room.transport)));
            }
            if (publisherMeters.counts().errors() > 0) {
                throw new IllegalStateException("the publisher saw errors: " + publisherMeters.firstError());
            }
            return new Result(outcomes, (atKill.cpuNanos() - windowStart.cpuNanos()) / 1_000_000,
                    (stormEnd.cpuNanos() - atKill.cpuNanos()) / 1_000_000);
        } finally {
            rooms.values().forEach(RoomUnderKill::close);
            publishers.forEach(HttpPublisher::close);
        }
    }
}
