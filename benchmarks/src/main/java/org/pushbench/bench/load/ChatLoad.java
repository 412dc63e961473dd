package org.pushbench.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HttpPublisher;
import org.pushbench.bench.client.LongPollingClient;
import org.pushbench.bench.client.Publisher;
import org.pushbench.bench.client.ShortPollingClient;
import org.pushbench.bench.client.SimulatedClient;
import org.pushbench.bench.client.WebSocketClient;
import org.pushbench.bench.client.WebSocketPublisher;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Transport;

/**
 * One run's chat workload: {@code clients} members of one room over one transport, and a publisher sending into
 * the room on a fixed-rate, open-loop schedule. The members' meters measure; the publisher's are kept apart so
 * that per-delivery figures are what receiving costs. Members reach the server by the target's route (an emulated
 * link, if any); the publisher always connects directly, as a sender beside the server, so a delivery's latency
 * is the member's link and the server, not a second link.
 */
public final class ChatLoad implements AutoCloseable {

    /** Connections are opened in batches, below the server's accept backlog (somaxconn 4096 here). */
    private static final int CONNECT_BATCH = 1000;
    private static final int PUBLISHER_CONNECTIONS = 4;

    private final LoadSpec spec;
    private final ClientTarget target;
    private final ClientLoop loop;
    private final RecipientMeters recipients = new RecipientMeters();
    private final RecipientMeters publisherMeters = new RecipientMeters();
    private final List<SimulatedClient> clients = new ArrayList<>();
    private final Publisher publisher;
    private final MessageEncoder encoder;
    private OpenLoopSender sender;

    public ChatLoad(LoadSpec spec, ClientTarget target, ClientLoop loop) {
        this(spec, target, loop, MessageEncoder.sentMessages(spec.payloadBytes()));
    }

    /** @param encoder what the publisher writes for each message (a floor server takes delivered messages) */
    public ChatLoad(LoadSpec spec, ClientTarget target, ClientLoop loop, MessageEncoder encoder) {
        this.spec = spec;
        this.encoder = encoder;
        this.target = target;
        this.loop = loop;
        for (int i = 0; i < spec.clients(); i++) {
            clients.add(newClient());
        }
        this.publisher = spec.transport() == Transport.WEBSOCKET
                ? new WebSocketPublisher(loop, target.direct(), publisherMeters)
                : new HttpPublisher(spec.transport(), loop, target.direct(), publisherMeters, PUBLISHER_CONNECTIONS);
    }

    private SimulatedClient newClient() {
        return switch (spec.transport()) {
            case SHORT_POLLING -> new ShortPollingClient(loop, target, recipients, spec.pollIntervalMillis());
            case LONG_POLLING -> new LongPollingClient(loop, target, recipients, spec.waitMillis());
            case WEBSOCKET -> new WebSocketClient(loop, target, recipients);
        };
    }

    public LoadSpec spec() {
        return spec;
    }

    public RecipientMeters recipients() {
        return recipients;
    }

    public RecipientMeters publisherMeters() {
        return publisherMeters;
    }

    /** Connects every member and the publisher, a batch at a time. */
    public void connect(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        startAll(clients, deadline);
        publisher.start().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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
    public synchronized void replaceMembers(int count, Random random, Duration timeout) throws Exception {
        if (count >= clients.size()) {
            throw new IllegalArgumentException("cannot replace " + count + " of " + clients.size() + " members");
        }
        for (int i = 0; i < count; i++) {
            SimulatedClient leaving = clients.remove(random.nextInt(clients.size()));
            leaving.recipient().leave();
            leaving.vanish();
        }
        long joinAfter = clients.stream().mapToLong(c -> c.recipient().last()).max().orElseThrow();
        List<SimulatedClient> newcomers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SimulatedClient newcomer = newClient();
            newcomer.recipient().joinAfter(joinAfter);
            newcomers.add(newcomer);
        }
        clients.addAll(newcomers);
        startAll(newcomers, System.nanoTime() + timeout.toNanos());
    }

    /** Starts the schedule; does nothing at rate 0 (an idle room). */
    public void startSending() {
        if (spec.ratePerSecond() > 0) {
            sender = new OpenLoopSender(publisher, spec, recipients, encoder);
            sender.start();
        }
    }

    /** Messages the schedule has handed to the publisher so far. */
    public long sent() {
        return sender == null ? 0 : sender.sent();
    }

    /** Messages the schedule had due by {@code nanoTime} ({@link System#nanoTime()}). */
    public long due(long nanoTime) {
        return sender == null ? 0 : sender.due(nanoTime);
    }

    /**
     * Stops sending, waits until every member has every message (or the timeout passes), then fails if the
     * delivery check or any client found a fault.
     */
    public void stopAndVerify(Duration timeout) throws InterruptedException {
        long sent = sender == null ? 0 : sender.stop();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!recipients.check().allReached(sent) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        recipients.check().verify(sent);
        failOnError("a member", recipients);
        failOnError("the publisher", publisherMeters);
    }

    private static void failOnError(String who, RecipientMeters meters) {
        long errors = meters.counts().errors();
        if (errors > 0) {
            throw new IllegalStateException(who + " saw " + errors + " protocol errors; the first: "
                    + meters.firstError());
        }
    }

    /**
     * Ends every connection as its client does (WebSocket members and publisher start the close handshake) and
     * returns once all are closed, so that the client loop is not shut down under a handshake in flight.
     */
    @Override
    public synchronized void close() {
        if (sender != null) {
            sender.stop();
        }
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (SimulatedClient client : clients) {
            client.close();
            closed.add(client.whenClosed());
        }
        publisher.close();
        closed.add(publisher.whenClosed());
        CloseWait.await(closed);
    }
}
