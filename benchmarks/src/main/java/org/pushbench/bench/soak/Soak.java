package org.pushbench.bench.soak;

import java.io.IOException;
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
import org.pushbench.bench.load.ChatLoad;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.ServerSnapshot;
import org.pushbench.bench.load.ServerUnderTest;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * {@code scripts/soak.sh}: one server JVM with all three transports under a mixed load for a long while, with
 * vanishing clients injected all along, then a verdict. Each transport has its own room of {@code --clients}
 * members and a publisher at {@code --rate} messages a second; every few seconds a round of
 * {@link VanishingClients} leaves without a word. At the end every member must have every message once and in
 * order, the server's connections, held requests and store subscriptions must return to zero once the clients
 * are gone, and its live heap (after a GC) and threads may not have grown beyond the stated bounds.
 * Exits 0 when all of that holds, 1 when not.
 */
public final class Soak {

    /** Heap growth allowed between the start and the end, both after a full GC: the store keeps at most
     *  retention x rooms messages, well under this. */
    static final long HEAP_GROWTH_BOUND = 32L << 20;
    /** Threads allowed beyond those at the start (a pool may start one more worker under a burst). */
    static final int THREAD_GROWTH_BOUND = 8;
    /** Threads always allowed: an engine's pool may grow to its maximum (Jetty's: 200) and stay there; what must
     *  not happen is growth without end, one thread per client or per fault. */
    static final int THREAD_CEILING = 256;
    private static final Duration FAULT_ROUND = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        SoakOptions options;
        try {
            options = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("soak: " + e.getMessage() + "\n" + SoakOptions.USAGE);
            System.exit(2);
            return;
        }
        SoakReport report = run(options);
        System.out.println(report.text());
        if (options.out() != null) {
            Files.createDirectories(options.out());
            Files.writeString(options.out().resolve("soak.txt"), report.text());
        }
        System.exit(report.passed() ? 0 : 1);
    }

    static SoakReport run(SoakOptions options) throws Exception {
        List<Transport> transports = List.of(Transport.values());
        // Short timeouts so that the silent faults are ended by the server within the run.
        List<String> flags = List.of("--ping-interval", "2s", "--pong-timeout", "2s", "--idle-timeout", "5s");
        SoakReport report = new SoakReport(options);
        try (ServerUnderTest server = ServerUnderTest.start(options.engine(), transports, "512m", flags,
                Duration.ofSeconds(30)); ClientLoop loop = new ClientLoop(0)) {
            Map<Transport, ChatLoad> loads = new EnumMap<>(Transport.class);
            for (Transport t : transports) {
                LoadSpec spec = new LoadSpec(t, options.clients(), options.rate(), 64, 1000, 0, HeaderProfile.MINIMAL,
                        "soak-" + t.id());
                ChatLoad load = new ChatLoad(spec, new ClientTarget(server.host(), server.port(t), spec.room(),
                        spec.headers()), loop);
                load.connect(Duration.ofMinutes(1));
                load.startSending();
                loads.put(t, load);
            }
            Thread.sleep(5_000);
            report.start(server.admin().metrics(Transport.WEBSOCKET, true));
            try (VanishingClients faults = new VanishingClients(server.host(), server.port(Transport.SHORT_POLLING),
                    server.port(Transport.LONG_POLLING), server.port(Transport.WEBSOCKET))) {
                long end = System.nanoTime() + options.duration().toNanos();
                for (int round = 0; System.nanoTime() < end; round++) {
                    faults.round("vanishing-" + (round % 16));
                    Thread.sleep(Math.min(FAULT_ROUND.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                }
                report.faults(faults.injected());
            }
            for (Map.Entry<Transport, ChatLoad> e : loads.entrySet()) {
                report.delivery(e.getKey(), e.getValue());
            }
            report.end(server.admin().metrics(Transport.WEBSOCKET, true));
            loads.values().forEach(ChatLoad::close);
            report.settled(awaitQuiet(server, transports));
        }
        return report;
    }

    /** Waits until no connection, held request or subscription is left on any server; returns the last figures. */
    private static List<ServerSnapshot> awaitQuiet(ServerUnderTest server, List<Transport> transports)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            List<ServerSnapshot> now = new ArrayList<>();
            for (Transport t : transports) {
                now.add(server.admin().metrics(t, false));
            }
            boolean quiet = now.stream().allMatch(s -> s.openConnections() == 0 && s.heldRequests() == 0
                    && s.storeSubscribers() == 0);
            if (quiet || System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(200);
        }
    }
}
