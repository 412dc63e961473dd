package org.pushbench.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.pushbench.bench.link.LinkRelay;
import org.pushbench.bench.link.LinkSpec;
import org.pushbench.bench.link.NetworkProfile;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.WireMeter;
import org.pushbench.server.Engine;
import org.pushbench.server.TransportMetrics;
import org.pushbench.server.Transport;

/**
 * Through an emulated link the bytes stay exact: what a member counts at its own socket is what the server counted
 * at its socket and what the relay carried, byte for byte, each way.
 */
class LinkedWireBytesTest {

    private static final Duration QUIET = Duration.ofMinutes(5);

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aMembersSocketCountsAreTheServersAndTheRelaysThroughAWanLink(Transport transport) throws Exception {
        Engine engine = InProcessServers.engines().findFirst().orElseThrow();
        try (InProcessServers servers = new InProcessServers(engine, QUIET); ClientLoop loop = new ClientLoop(1)) {
            ClientTarget target = servers.target(transport, HeaderProfile.BROWSER);
            try (LinkRelay relay = new LinkRelay(LinkSpec.of(NetworkProfile.WAN, 0, 0, 0, 0), target.address())) {
                RecipientMeters meters = new RecipientMeters();
                SimulatedClient client = switch (transport) {
                    case SHORT_POLLING -> new ShortPollingClient(loop, target.via(relay.address()), meters, 500);
                    case LONG_POLLING -> new LongPollingClient(loop, target.via(relay.address()), meters, 0);
                    case WEBSOCKET -> new WebSocketClient(loop, target.via(relay.address()), meters);
                    case SSE -> new EventSourceClient(loop, target.via(relay.address()), meters);
                };
                client.start().get();
                for (int i = 1; i <= 3; i++) {
                    servers.post(target.room(), "{\"from\":\"alice\",\"text\":\"hi " + i + "\",\"stamp\":7}");
                    int delivered = i;
                    await(() -> meters.counts().deliveries() == delivered, meters);
                }
                // Compared while the member is connected and the link idle: bytes still on the link are nobody's yet.
                TransportMetrics server = servers.server(transport).metrics();
                // The test posts through the short-polling server, so that server's counts also hold the posts.
                boolean serverCountsMember = transport != Transport.SHORT_POLLING;
                await(() -> meters.wire().snapshot().read() == relay.bytesDown()
                        && meters.wire().snapshot().written() == relay.bytesUp()
                        && (!serverCountsMember || meters.wire().snapshot().read() == server.snapshot().bytesWritten()
                        && meters.wire().snapshot().written() == server.snapshot().bytesRead()));
                WireMeter.Snapshot member = meters.wire().snapshot();
                if (serverCountsMember) {
                    assertEquals(server.snapshot().bytesWritten(), member.read(), "server to member");
                    assertEquals(server.snapshot().bytesRead(), member.written(), "member to server");
                }
                assertEquals(member.read(), relay.bytesDown(), "the relay carried exactly those bytes down");
                assertEquals(member.written(), relay.bytesUp(), "and up");
                client.close();
                if (serverCountsMember) {  // (the short-polling server also holds the poster's keep-alive)
                    await(() -> server.snapshot().openConnections() == 0);  // the close reached the server
                }
            }
        }
    }

    private static void await(BooleanSupplier condition, RecipientMeters meters) throws InterruptedException {
        try {
            await(condition);
        } catch (AssertionError e) {
            throw new AssertionError("no delivery; " + meters.counts() + ", first error: " + meters.firstError(), e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(5);
        }
    }
}
