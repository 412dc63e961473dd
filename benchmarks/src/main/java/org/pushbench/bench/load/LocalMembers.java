package org.pushbench.bench.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.EventSourceClient;
import org.pushbench.bench.client.LongPollingClient;
import org.pushbench.bench.client.ShortPollingClient;
import org.pushbench.bench.client.SimulatedClient;
import org.pushbench.bench.client.WebSocketClient;
import org.pushbench.bench.meter.DeliveryCheck;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.SendLog;

/** Members in this process, on its client loop, reporting to one set of {@link RecipientMeters}. */
public final class LocalMembers implements Members {

    /** Connections are opened in batches, below the server's accept backlog (somaxconn 4096 here). */
    private static final int CONNECT_BATCH = 1000;

    private final LoadSpec spec;
    private final ClientTarget target;
    private final ClientLoop loop;
    private final RecipientMeters meters = new RecipientMeters();
    private final List<SimulatedClient> clients = new ArrayList<>();

    /** {@code count} members of {@code spec}'s room (a share of {@code spec.clients()} when spread). */
    public LocalMembers(LoadSpec spec, int count, ClientTarget target, ClientLoop loop) {
        this.spec = spec;
        this.target = target;
        this.loop = loop;
        for (int i = 0; i < count; i++) {
            clients.add(newClient());
        }
    }

    private SimulatedClient newClient() {
        return newClient(meters);
    }

    private SimulatedClient newClient(RecipientMeters meters) {
        return newClient(meters, target);
    }

    private SimulatedClient newClient(RecipientMeters meters, ClientTarget target) {
        return switch (spec.transport()) {
            case SHORT_POLLING -> new ShortPollingClient(loop, target, meters, spec.pollIntervalMillis());
            case LONG_POLLING -> new LongPollingClient(loop, target, meters, spec.waitMillis());
            case WEBSOCKET -> new WebSocketClient(loop, target, meters);
            case SSE -> new EventSourceClient(loop, target, meters);
        };
    }

    public RecipientMeters meters() {
        return meters;
    }

    @Override
    public void connect(Duration timeout) throws Exception {
        startAll(clients, System.nanoTime() + timeout.toNanos());
    }

    private static void startAll(List<SimulatedClient> members, long deadline) throws Exception {
        for (int from = 0; from < members.size(); from += CONNECT_BATCH) {
            List<CompletableFuture<Void>> batch = members.subList(from, Math.min(members.size(), from + CONNECT_BATCH))
                    .stream().map(SimulatedClient::start).toList();
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Churn: {@code count} members picked at random vanish ({@link SimulatedClient#vanish}) and as many new ones
     * join, from the newest message a remaining member has, as a page opened now would (not from id 1, which the
     * store may no longer retain). Returns once the newcomers are connected. At least one member must stay.
     */
    public synchronized void replace(int count, Random random, Duration timeout) throws Exception {
        if (count >= clients.size()) {
            throw new IllegalArgumentException("cannot replace " + count + " of " + clients.size() + " members");
        }
        for (int i = 0; i < count; i++) {
            SimulatedClient leaving = clients.remove(random.nextInt(clients.size()));
            leaving.recipient().leave();
            leaving.vanish();
        }
        long joinAfter = newestReceived();
        List<SimulatedClient> newcomers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SimulatedClient newcomer = newClient();
            newcomer.recipient().joinAfter(joinAfter);
            newcomers.add(newcomer);
        }
        clients.addAll(newcomers);
        startAll(newcomers, System.nanoTime() + timeout.toNanos());
    }

    /**
     * A member about to join, not yet connected, on meters of its own: a page reopened now, whose cursor is one
     * message behind the newest one a member has, so that its first answer (or the frames after its handshake)
     * carries a message at once. Its time to that message is set-up alone: connection, handshakes, first poll.
     * A short-polling newcomer polls at once, as a page being opened fetches what it missed. It takes no part in
     * the room's delivery check; the caller closes it.
     */
    public synchronized SimulatedClient newcomer(RecipientMeters own) {
        long newest = newestReceived();
        if (newest < 1) {
            throw new IllegalStateException("no member has a message yet: a newcomer would wait for the next one");
        }
        return newcomer(own, newest - 1);
    }

    /** A member about to join from message {@code after}, on meters of its own, as {@link #newcomer(RecipientMeters)}. */
    public SimulatedClient newcomer(RecipientMeters own, long after) {
        SimulatedClient newcomer = newClient(own);
        if (newcomer instanceof ShortPollingClient page) {
            page.firstPollAtOnce();
        }
        newcomer.recipient().joinAfter(after);
        return newcomer;
    }

    /**
     * A member about to join from the newest message a member has (0 in a room nobody spoke in), on meters of its
     * own, connecting through {@code route} (a link of its own, which its benchmark may cut) to the members'
     * server. It takes no part in the room's delivery check; the caller closes it.
     */
    public SimulatedClient watcher(RecipientMeters own, InetSocketAddress route) {
        SimulatedClient watcher = newClient(own, target.direct().via(route));
        watcher.recipient().joinAfter(clients.isEmpty() ? 0 : newestReceived());
        return watcher;
    }

    /** The newest message id some member has: where a page opened now would start from. */
    private long newestReceived() {
        return clients.stream().mapToLong(c -> c.recipient().last()).max().orElseThrow();
    }

    @Override
    public void follow(SendLog log) {
        meters.sendLog(log);
    }

    @Override
    public Reading read() {
        return new Reading(meters.counts(), meters.wire().snapshot(), meters.latency().takeWindow());
    }

    @Override
    public long deliveries() {
        return meters.counts().deliveries();
    }

    @Override
    public long wireBytes() {
        return meters.wire().snapshot().total();
    }

    @Override
    public boolean allReached(long lastId) {
        return meters.check().allReached(lastId);
    }

    @Override
    public void verify(long lastId) {
        long errors = meters.counts().errors();
        try {
            meters.check().verify(lastId);
        } catch (DeliveryCheck.DeliveryFailure e) {
            throw errors == 0 ? e : new DeliveryCheck.DeliveryFailure(e.getMessage() + "; the members saw " + errors
                    + " protocol errors, the first: " + meters.firstError());
        }
        if (errors > 0) {
            throw new IllegalStateException("a member saw " + errors + " protocol errors; the first: "
                    + meters.firstError());
        }
    }

    @Override
    /** Ends every member as its client does and returns once all are closed (no handshake left in flight). */
    public synchronized void close() {
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (SimulatedClient client : clients) {
            client.close();
            closed.add(client.whenClosed());
        }
        CloseWait.await(closed);
    }
}
