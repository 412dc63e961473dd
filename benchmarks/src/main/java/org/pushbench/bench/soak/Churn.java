package org.pushbench.bench.soak;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.pushbench.bench.load.ChatLoad;
import org.pushbench.server.Transport;

/**
 * Vanishing clients: every round, a share of each load's members reset their connections without a goodbye and
 * as many newcomers join, so the server must keep releasing what departed clients held (held polls,
 * subscriptions, connections) while it serves the rest; and a round of {@link VanishingClients} faults in a room
 * of their own, some silent, which only the server's timeouts end. Seeded, so a failing soak can be replayed.
 */
final class Churn implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final List<ChatLoad> loads;
    private final VanishingClients faults;
    private final int perRound;
    private final Random random;
    private final Map<Transport, AtomicLong> replaced = new EnumMap<>(Transport.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pushbench-soak-churn");
        t.setDaemon(true);
        return t;
    });
    private volatile String failure;
    private int rounds;

    Churn(List<ChatLoad> loads, VanishingClients faults, int perRound, long seed) {
        this.loads = loads;
        this.faults = faults;
        this.perRound = perRound;
        this.random = new Random(seed);
        loads.forEach(l -> replaced.put(l.spec().transport(), new AtomicLong()));
    }

    void start(Duration every) {
        timer.scheduleAtFixedRate(this::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            faults.round("vanishing-" + (rounds++ % 16));
        } catch (IOException e) {
            stop("injecting faults failed: " + e);
            return;
        }
        for (ChatLoad load : loads) {
            try {
                if (perRound > 0) {
                    load.replaceMembers(perRound, random, JOIN_TIMEOUT);
                    replaced.get(load.spec().transport()).addAndGet(perRound);
                }
            } catch (Exception e) {
                stop(load.spec().transport().id() + " churn failed: " + e);
                return;
            }
        }
    }

    private void stop(String why) {
        failure = why;
        timer.shutdown();
    }

    /** Members of {@code transport}'s load that vanished (and as many that joined) so far. */
    long replaced(Transport transport) {
        return replaced.get(transport).get();
    }

    /** Faults injected apart from the members, so far. */
    long faults() {
        return faults.injected();
    }

    /** Why churn stopped early, or null. */
    String failure() {
        return failure;
    }

    /** Stops after the round in progress. */
    @Override
    public void close() throws InterruptedException, IOException {
        timer.shutdown();
        timer.awaitTermination(JOIN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        faults.close();
    }
}
