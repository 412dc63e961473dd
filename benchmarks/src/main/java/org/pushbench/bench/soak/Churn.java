package org.pushbench.bench.soak;

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
 * subscriptions, connections) while it serves the rest. Seeded, so a failing soak can be replayed.
 */
final class Churn implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final List<ChatLoad> loads;
    private final int perRound;
    private final Random random;
    private final Map<Transport, AtomicLong> replaced = new EnumMap<>(Transport.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pushbench-soak-churn");
        t.setDaemon(true);
        return t;
    });
    private volatile String failure;

    Churn(List<ChatLoad> loads, int perRound, long seed) {
        this.loads = loads;
        this.perRound = perRound;
        this.random = new Random(seed);
        loads.forEach(l -> replaced.put(l.spec().transport(), new AtomicLong()));
    }

    void start(Duration every) {
        if (perRound > 0) {
            timer.scheduleAtFixedRate(this::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void round() {
        for (ChatLoad load : loads) {
            try {
                load.replaceMembers(perRound, random, JOIN_TIMEOUT);
                replaced.get(load.spec().transport()).addAndGet(perRound);
            } catch (Exception e) {
                failure = load.spec().transport().id() + " churn failed: " + e;
                timer.shutdown();
                return;
            }
        }
    }

    /** Members of {@code transport}'s load that vanished (and as many that joined) so far. */
    long replaced(Transport transport) {
        return replaced.get(transport).get();
    }

    /** Why churn stopped early, or null. */
    String failure() {
        return failure;
    }

    /** Stops after the round in progress. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(JOIN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    }
}
