package org.pushbench.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pushbench.server.Transport;

class SoakBoundsTest {

    private static final ServerState.Held NOTHING = new ServerState.Held(0, 0);
    private static final ServerState START = state(100L << 20, 12, 0, NOTHING);
    private static final TransportResult CLEAN = new TransportResult(Transport.WEBSOCKET, 10, 100, 1000, 0, 0, 0, 0,
            5, null);

    private static ServerState state(long heap, int threads, long subscribers, ServerState.Held held) {
        return new ServerState(heap, threads, subscribers, Map.of(Transport.SHORT_POLLING, NOTHING,
                Transport.LONG_POLLING, held, Transport.WEBSOCKET, NOTHING));
    }

    @Test
    void growthWithinTheBoundsAndEverythingReleasedPasses() {
        ServerState end = state(START.heapUsedBytes() + SoakBounds.HEAP_GROWTH_BYTES, 12 + SoakBounds.THREAD_GROWTH,
                0, NOTHING);
        assertEquals(List.of(), SoakBounds.violations(List.of(CLEAN), null, START, end, START));
    }

    @Test
    void eachViolationIsNamed() {
        ServerState grown = state(START.heapUsedBytes() + SoakBounds.HEAP_GROWTH_BYTES + 1,
                13 + SoakBounds.THREAD_GROWTH, 0, NOTHING);
        ServerState holding = state(0, 12, 1, new ServerState.Held(1, 1));
        TransportResult lossy = new TransportResult(Transport.LONG_POLLING, 10, 100, 999, 1, 0, 0, 0, 5,
                "delivery check failed");
        List<String> violations = SoakBounds.violations(List.of(CLEAN, lossy), "churn failed", START, grown,
                holding);
        assertEquals(5, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("long-polling: delivery check failed"), violations.get(0));
    }
}
