package org.pushbench.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.pushbench.bench.link.LinkRelay;
import org.pushbench.bench.link.LinkSpec;
import org.pushbench.bench.link.NetworkProfile;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.LocalMembers;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * What FirstMessage times, through a real server and a real emulated link: a newcomer joining one message behind
 * the newest gets exactly that message first, and not before its set-up round trips (TCP, then its first
 * exchange) have passed; a short-polling newcomer polls at once, not at a random phase of its ten-minute interval.
 */
class NewcomerTest {

    private static final Duration QUIET = Duration.ofMinutes(5);
    private static final long TEN_MINUTES = 600_000;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aNewcomerGetsTheNewestMessageFirstAfterItsSetUpRoundTrips(Transport transport) throws Exception {
        Engine engine = InProcessServers.engines().findFirst().orElseThrow();
        LinkSpec link = LinkSpec.of(NetworkProfile.WAN, 0, 0, 0, 0);
        try (InProcessServers servers = new InProcessServers(engine, QUIET); ClientLoop loop = new ClientLoop(1)) {
            ClientTarget target = servers.target(transport, HeaderProfile.MINIMAL);
            for (int i = 1; i <= 3; i++) {
                servers.post(target.room(), "{\"from\":\"alice\",\"text\":\"hi " + i + "\",\"stamp\":7}");
            }
            try (LinkRelay relay = new LinkRelay(link, target.address())) {
                LoadSpec spec = new LoadSpec(transport, 1, 0, 64, TEN_MINUTES, 0, HeaderProfile.MINIMAL,
                        target.room());
                RecipientMeters own = new RecipientMeters();
                SimulatedClient newcomer = new LocalMembers(spec, 0, target.via(relay.address()), loop)
                        .newcomer(own, 2);
                long started = System.nanoTime();
                newcomer.start();
                long parsed = own.firstDelivery().get(10, TimeUnit.SECONDS);
                double ms = (parsed - started) / 1e6;
                assertTrue(ms >= 2 * link.rttMs() - 1, String.format("first message after %.2f ms, before TCP's"
                        + " handshake and one exchange (2 x %d ms) could have passed", ms, link.rttMs()));
                assertEquals(3, newcomer.recipient().last(), "the newest message");
                assertEquals(1, own.counts().deliveries(), "and only it");
                assertEquals(0, own.counts().errors(), own.firstError());
                newcomer.close();
                newcomer.whenClosed().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
