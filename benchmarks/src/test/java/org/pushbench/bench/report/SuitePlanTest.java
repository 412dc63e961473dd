package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

import org.pushbench.server.Engine;

/** {@code --only}: a mode's plan cut to some of its benchmarks, with their own parameters kept. */
class SuitePlanTest {

    private static final List<Options> NETWORKS = SuitePlan.networks(List.of(Engine.NETTY), Path.of("h"));

    @Test
    void onlyKeepsTheNamedBenchmarksRunsAsTheModePlansThem() {
        List<Options> dead = SuitePlan.only(NETWORKS, List.of("DeadServer"));
        assertEquals(1, dead.size());
        assertEquals(List.of("org\\.pushbench\\.bench\\.jmh\\.DeadServer\\."), dead.get(0).getIncludes());
        assertEquals(List.of("LOOPBACK", "MOBILE"), List.copyOf(dead.get(0).getParameter("network").get()));
        assertEquals(2, SuitePlan.only(NETWORKS, List.of("FirstMessage", "DeadServer")).size());
        assertEquals(NETWORKS, SuitePlan.only(NETWORKS, List.of()), "nothing named: the whole plan");
    }

    @Test
    void aBenchmarkNotInTheModeIsRefusedWithTheOnesThatAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuitePlan.only(NETWORKS, List.of("Capacity")));
        assertTrue(e.getMessage().contains("[FanOut, FirstMessage, DeadServer]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SuitePlan.only(NETWORKS, List.of("Dead")),
                "a prefix is not a name");
    }
}
