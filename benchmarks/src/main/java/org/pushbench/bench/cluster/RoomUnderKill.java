package org.pushbench.bench.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.EventSourceClient;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.client.LongPollingClient;
import org.pushbench.bench.client.ShortPollingClient;
import org.pushbench.bench.client.SimulatedClient;
import org.pushbench.bench.client.WebSocketClient;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Transport;

/**
 * One transport's members in one room, connected through the balancer and reconnecting from their cursor
 * (polling clients always do; WebSocket clients are made with reconnect), with their meters.
 */
final class RoomUnderKill implements AutoCloseable {

    static final long POLL_INTERVAL_MILLIS = 500;
    static final long WAIT_MILLIS = 20_000;

    final Transport transport;
    final String room;
    final RecipientMeters meters = new RecipientMeters();
    private final List<SimulatedClient> members = new ArrayList<>();

    RoomUnderKill(Transport transport, int count, ClientLoop loop, int balancerPort) {
        this.transport = transport;
        this.room = "kill-" + transport.id();
        ClientTarget target = new ClientTarget("127.0.0.1", balancerPort, room, HeaderProfile.MINIMAL);
        for (int i = 0; i < count; i++) {
            members.add(switch (transport) {
                case SHORT_POLLING -> new ShortPollingClient(loop, target, meters, POLL_INTERVAL_MILLIS);
                case LONG_POLLING -> new LongPollingClient(loop, target, meters, WAIT_MILLIS);
                case WEBSOCKET -> new WebSocketClient(loop, target, meters, true);
                case SSE -> new EventSourceClient(loop, target, meters);
            });
        }
    }

    void connect() throws Exception {
        CompletableFuture.allOf(members.stream().map(SimulatedClient::start).toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);
    }

    int size() {
        return members.size();
    }

    /** Whether every member has every message up to {@code id}. */
    boolean allReached(long id) {
        return meters.check().allReached(id);
    }

    @Override
    public void close() {
        members.forEach(SimulatedClient::close);
    }
}
