package org.pushbench.bench.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HttpPublisher;
import org.pushbench.bench.client.Publisher;
import org.pushbench.bench.client.SimulatedClient;
import org.pushbench.bench.client.WebSocketPublisher;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Transport;

/**
 * One run's chat workload: {@code clients} members of one room over one transport, and a publisher sending into
 * the room on a fixed-rate, open-loop schedule. The members' meters measure; the publisher's are kept apart so
 * that per-delivery figures are what receiving costs. Members reach the server by the target's route (an emulated
 * link, if any); the publisher always connects directly, as a sender beside the server, so a delivery's latency
 * is the member's link and the server, not a second link. The members live in this process unless given
 * {@link Members} of their own (member processes).
 */
public final class ChatLoad implements AutoCloseable {

    private static final int PUBLISHER_CONNECTIONS = 4;

    private final LoadSpec spec;
    private final Members members;
    private final RecipientMeters publisherMeters = new RecipientMeters();
    private final Publisher publisher;
    private final MessageEncoder encoder;
    private OpenLoopSender sender;

    public ChatLoad(LoadSpec spec, ClientTarget target, ClientLoop loop) {
        this(spec, target, loop, MessageEncoder.sentMessages(spec.payloadBytes()));
    }

    /** @param encoder what the publisher writes for each message (a floor server takes delivered messages) */
    public ChatLoad(LoadSpec spec, ClientTarget target, ClientLoop loop, MessageEncoder encoder) {
        this(spec, target, loop, new LocalMembers(spec, spec.clients(), target, loop), encoder);
    }

    /** @param members the room's members, wherever they run; the publisher runs here and sends to {@code target} */
    public ChatLoad(LoadSpec spec, ClientTarget target, ClientLoop loop, Members members, MessageEncoder encoder) {
        this.spec = spec;
        this.encoder = encoder;
        this.members = members;
        this.publisher = spec.transport() == Transport.WEBSOCKET
                ? new WebSocketPublisher(loop, target.direct(), publisherMeters)
                : new HttpPublisher(spec.transport(), loop, target.direct(), publisherMeters, PUBLISHER_CONNECTIONS);
    }

    public LoadSpec spec() {
        return spec;
    }

    public Members members() {
        return members;
    }

    /** The meters of members in this process; throws when they run in member processes. */
    public RecipientMeters recipients() {
        return local().meters();
    }

    private LocalMembers local() {
        if (members instanceof LocalMembers local) {
            return local;
        }
        throw new IllegalStateException("the members run in processes of their own");
    }

    public RecipientMeters publisherMeters() {
        return publisherMeters;
    }

    /** Connects every member and the publisher, a batch at a time. */
    public void connect(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        members.connect(timeout);
        publisher.start().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Churn of members in this process: {@link LocalMembers#replace}. */
    public void replaceMembers(int count, Random random, Duration timeout) throws Exception {
        local().replace(count, random, timeout);
    }

    /** A member about to join from one message back, on meters of its own: {@link LocalMembers#newcomer}. */
    public SimulatedClient newcomer(RecipientMeters own) {
        return local().newcomer(own);
    }

    /** A member on a route of its own, joining from the newest message: {@link LocalMembers#watcher}. */
    public SimulatedClient watcher(RecipientMeters own, InetSocketAddress route) {
        return local().watcher(own, route);
    }

    /** Starts the schedule; does nothing at rate 0 (an idle room). */
    public void startSending() {
        if (spec.ratePerSecond() > 0) {
            sender = new OpenLoopSender(publisher, spec, members::follow, encoder);
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
        while (!members.allReached(sent) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        members.verify(sent);
        long errors = publisherMeters.counts().errors();
        if (errors > 0) {
            throw new IllegalStateException("the publisher saw " + errors + " protocol errors; the first: "
                    + publisherMeters.firstError());
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
        members.close();
        publisher.close();
        CloseWait.await(List.of(publisher.whenClosed()));
    }
}
