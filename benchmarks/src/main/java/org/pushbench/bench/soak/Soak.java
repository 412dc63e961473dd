package org.pushbench.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.load.ChatLoad;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.ServerUnderTest;
import org.pushbench.server.Transport;

/**
 * The soak: one chat server JVM with all three transports, a mixed load on all of them at once for a long while,
 * and clients vanishing and joining throughout; then proof that nothing was lost and nothing leaked.
 *
 * <p>Each transport has its own room, members and open-loop publisher (a {@link ChatLoad}), so each room's ids
 * are 1, 2, 3, ... from one publisher and every member's delivery check stays exact; the four rooms share the
 * server's one store, its heap and its threads. Every {@code --churn-every}, a share of each transport's members
 * reset their connections without a goodbye and as many newcomers join from the room's newest message, and raw
 * faults hit a room of their own: held long polls and SSE streams reset, WebSockets dropped without a close frame or gone mute,
 * requests whose headers never finish ({@link Churn}, {@link VanishingClients}). After the warm-up the server's heap (after a full GC) and live threads are read; at the end
 * they are read again, still under load, then sending and churn stop and every remaining member must have every
 * message exactly once and in order, and every member that vanished everything up to its last. Finally every
 * client closes and the server must be back to no connections, no held requests and no store subscribers.
 *
 * <p>Run it with {@code scripts/soak.sh [--duration 10m] [--engine netty|jetty] [--clients 200] [--rate 20]
 * [--out DIR]} ({@code --help} lists every flag). It prints a report and exits 0 when the soak passed, 1 when
 * anything was lost, duplicated or reordered, a client saw an error, heap or threads grew beyond
 * {@link SoakBounds}, or the server kept resources after the clients left; 2 on a bad flag.
 */
public final class Soak {

    private static final String SERVER_HEAP = "512m";
    private static final int PAYLOAD_BYTES = 64;
    private static final long POLL_INTERVAL_MILLIS = 1000;
    /** Short timeouts, so the server ends the silent faults within the run and keep-alive runs many times. */
    private static final List<String> SERVER_FLAGS = List.of("--ping-interval", "2s", "--pong-timeout", "2s",
            "--event-keepalive", "2s", "--idle-timeout", "5s");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(10);

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        SoakOptions options;
        try {
            options = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(SoakOptions.USAGE);
            return;
        }
        SoakReport report = run(options);
        System.out.println();
        System.out.print(report.text());
        if (options.out() != null) {
            report.write(options.out());
        }
        System.exit(report.passed() ? 0 : 1);
    }

    static SoakReport run(SoakOptions options) throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(options.engine(), EnumSet.allOf(Transport.class),
                SERVER_HEAP, SERVER_FLAGS, START_TIMEOUT);
                ClientLoop loop = new ClientLoop(0)) {
            List<ChatLoad> loads = new ArrayList<>();
            try {
                for (Transport t : Transport.values()) {
                    ChatLoad load = new ChatLoad(spec(options, t), new ClientTarget(server.host(), server.port(t),
                            "soak-" + t.id(), HeaderProfile.MINIMAL), loop);
                    loads.add(load);
                    load.connect(START_TIMEOUT);
                }
                loads.forEach(ChatLoad::startSending);
                return soak(options, server, loads);
            } finally {
                loads.forEach(ChatLoad::close);
            }
        }
    }

    private static SoakReport soak(SoakOptions options, ServerUnderTest server, List<ChatLoad> loads)
            throws Exception {
        long seed = System.nanoTime();
        System.out.printf("soak: %s, %d members per transport, %d msg/s per room, churn seed %d%n",
                server.engine(), options.clients(), options.rate(), seed);
        ServerState start;
        ServerState end;
        List<TransportResult> results = new ArrayList<>();
        String churnFailure;
        long faults;
        VanishingClients vanishing = new VanishingClients(server.host(), server.port(Transport.SHORT_POLLING),
                server.port(Transport.LONG_POLLING), server.port(Transport.WEBSOCKET), server.port(Transport.SSE));
        try (Churn churn = new Churn(loads, vanishing, options.churnPerRound(), seed)) {
            churn.start(options.churnEvery());
            Thread.sleep(options.warmup().toMillis());
            start = ServerState.read(server.admin(), true);
            System.out.printf("soak: warmed up: heap after GC %s, %d live threads%n",
                    SoakReport.mib(start.heapUsedBytes()), start.liveThreads());
            hold(options.duration(), loads, churn);
            end = ServerState.read(server.admin(), true);
            churn.close();
            churnFailure = churn.failure();
            faults = churn.faults();
            for (ChatLoad load : loads) {
                results.add(verify(load, churn.replaced(load.spec().transport())));
            }
        }
        loads.forEach(ChatLoad::close);
        long closedAt = System.nanoTime();
        ServerState afterClose = ServerState.awaitReleased(server.admin(), RELEASE_TIMEOUT);
        long releaseMillis = (System.nanoTime() - closedAt) / 1_000_000;
        return new SoakReport(options, server.engine(), results, faults, start, end, afterClose, releaseMillis,
                SoakBounds.violations(results, churnFailure, start, end, afterClose));
    }

    /** Keeps the load on for {@code duration}, printing a line of progress now and then. */
    private static void hold(Duration duration, List<ChatLoad> loads, Churn churn) throws InterruptedException {
        long every = Math.min(60_000, Math.max(10_000, duration.toMillis() / 10));
        long deadline = System.currentTimeMillis() + duration.toMillis();
        for (long left = duration.toMillis(); left > 0; left = deadline - System.currentTimeMillis()) {
            Thread.sleep(Math.min(every, left));
            StringBuilder line = new StringBuilder(String.format("soak: %ds left:",
                    Math.max(0, deadline - System.currentTimeMillis()) / 1000));
            for (ChatLoad load : loads) {
                Transport t = load.spec().transport();
                line.append(String.format(" %s sent %d, delivered %d, vanished %d;", t.id(), load.sent(),
                        load.recipients().counts().deliveries(), churn.replaced(t)));
            }
            System.out.println(line);
        }
    }

    /**
     * Stops sending and checks delivery. A failure (a {@link org.pushbench.bench.meter.DeliveryCheck.DeliveryFailure}
     * or a client's error) is reported, not thrown, so the other figures still are.
     */
    private static TransportResult verify(ChatLoad load, long replaced) throws InterruptedException {
        String failure = null;
        try {
            load.stopAndVerify(DRAIN_TIMEOUT);
        } catch (IllegalStateException e) {
            failure = e.getMessage();
        }
        return TransportResult.of(load, load.sent(), replaced, failure);
    }

    private static LoadSpec spec(SoakOptions options, Transport transport) {
        return new LoadSpec(transport, options.clients(), options.rate(), PAYLOAD_BYTES, POLL_INTERVAL_MILLIS, 0,
                HeaderProfile.MINIMAL, "soak-" + transport.id());
    }
}
