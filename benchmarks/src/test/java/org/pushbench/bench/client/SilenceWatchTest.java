package org.pushbench.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.pushbench.bench.link.LinkRelay;
import org.pushbench.bench.link.LinkSpec;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.LocalMembers;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * What DeadServer times, through a real server and a real relay: a member's liveness rule (nothing read for the
 * period the server promised plus a grace) never fires while the link is up, even in a silent room, because
 * every transport's keep-alive arrives within the period; once the link is cut it fires, and not before the
 * grace has passed (the last byte was read at most one period before the cut).
 */
class SilenceWatchTest {

    private static final long PERIOD_MILLIS = 300;
    private static final long GRACE_MILLIS = 600;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theRuleFiresOnlyOnceTheLinkIsCut(Transport transport) throws Exception {
        Engine engine = InProcessServers.engines().findFirst().orElseThrow();
        try (InProcessServers servers = new InProcessServers(engine, Duration.ofMillis(PERIOD_MILLIS));
                ClientLoop loop = new ClientLoop(1)) {
            ClientTarget target = servers.target(transport, HeaderProfile.MINIMAL);
            LinkRelay relay = new LinkRelay(LinkSpec.UNSHAPED, target.address());
            LoadSpec spec = new LoadSpec(transport, 1, 0, 0, PERIOD_MILLIS, PERIOD_MILLIS, HeaderProfile.MINIMAL,
                    target.room());
            RecipientMeters own = new RecipientMeters();
            own.watchSilence(Duration.ofMillis(PERIOD_MILLIS + GRACE_MILLIS));
            SimulatedClient watcher = new LocalMembers(spec, 0, target, loop).watcher(own, relay.address());
            watcher.start().get(10, TimeUnit.SECONDS);

            Thread.sleep(4 * (PERIOD_MILLIS + GRACE_MILLIS));
            assertFalse(own.serverSilent().isDone(), "the rule fired on a live link of a silent room");
            assertEquals(0, own.counts().errors(), own.firstError());

            long cut = System.nanoTime();
            relay.cut();
            long noticed = own.serverSilent().get(10, TimeUnit.SECONDS);
            double afterCutMs = (noticed - cut) / 1e6;
            assertTrue(afterCutMs >= GRACE_MILLIS / 2.0, String.format(
                    "noticed %.1f ms after the cut, sooner than its grace of %d ms allows", afterCutMs, GRACE_MILLIS));
            watcher.vanish();
            relay.close();
        }
    }
}
