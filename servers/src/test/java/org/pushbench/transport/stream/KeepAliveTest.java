package org.pushbench.transport.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.pushbench.transport.FakeExchange.ManualTimer;

/** The keep-alive policy, its timer run by hand. */
class KeepAliveTest {

    private final ManualTimer timer = new ManualTimer();
    private int probes;
    private int silences;
    private final KeepAlive.Peer peer = new KeepAlive.Peer() {
        @Override
        public void probe() {
            probes++;
        }

        @Override
        public void silent() {
            silences++;
        }
    };

    @Test
    void probesEveryIntervalAndClosesAPeerSilentPastTheTimeout() {
        KeepAlive keepAlive = new KeepAlive(timer, Duration.ofSeconds(30), Duration.ofSeconds(10), peer);
        keepAlive.start();
        assertEquals(30_000L, timer.delays.get(0));
        timer.scheduled.get(0).run();
        assertEquals(1, probes);
        assertEquals(java.util.List.of(30_000L, 10_000L, 30_000L), timer.delays);
        timer.scheduled.get(1).run();
        assertEquals(1, silences, "nothing heard after the probe");
    }

    @Test
    void anyFrameAfterTheProbeCountsAsASignOfLife() {
        KeepAlive keepAlive = new KeepAlive(timer, Duration.ofSeconds(30), Duration.ofSeconds(10), peer);
        keepAlive.start();
        timer.scheduled.get(0).run();
        keepAlive.heard();
        timer.scheduled.get(1).run();
        assertEquals(0, silences);
    }

    @Test
    void aOneWayStreamIsProbedButNeverTimedOutAndStopEndsIt() {
        KeepAlive keepAlive = new KeepAlive(timer, Duration.ofSeconds(15), null, peer);
        keepAlive.start();
        timer.scheduled.get(0).run();
        assertEquals(java.util.List.of(15_000L, 15_000L), timer.delays);
        keepAlive.stop();
        timer.scheduled.get(1).run();
        assertEquals(1, probes, "no probe after stop");
        assertEquals(1, timer.cancelled, "the pending probe was cancelled");
    }
}
