package org.pushbench.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.pushbench.server.Engine;

class SoakOptionsTest {

    @Test
    void flagsOverrideTheDefaults() {
        SoakOptions o = SoakOptions.parse("--duration", "30s", "--engine", "jetty", "--clients", "50", "--rate", "5",
                "--out", "/tmp/x");
        assertEquals(Duration.ofSeconds(30), o.duration());
        assertEquals(Engine.JETTY, o.engine());
        assertEquals(50, o.clients());
        assertEquals(5, o.rate());
        assertEquals(Path.of("/tmp/x"), o.out());
        assertEquals(SoakOptions.defaults().warmup(), o.warmup());
    }

    @Test
    void durationsTakeAUnit() {
        assertEquals(Duration.ofMinutes(10), SoakOptions.duration("10m"));
        assertEquals(Duration.ofMillis(500), SoakOptions.duration("500ms"));
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.duration("10"));
    }

    @Test
    void churnReplacesAtLeastOneMemberAndNeverAll() {
        assertEquals(10, SoakOptions.defaults().churnPerRound());
        assertEquals(1, SoakOptions.parse("--clients", "3").churnPerRound());
        assertEquals(0, SoakOptions.parse("--churn-percent", "0").churnPerRound());
        assertEquals(1, SoakOptions.parse("--clients", "2", "--churn-percent", "99").churnPerRound());
    }

    @Test
    void badFlagsAreRefusedAndHelpIsNoRun() {
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse("--nope", "1"));
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse("--clients"));
        assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse("--clients", "1"));
        assertNull(SoakOptions.parse("--help"));
    }
}
