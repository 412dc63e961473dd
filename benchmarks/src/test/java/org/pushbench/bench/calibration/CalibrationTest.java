package org.pushbench.bench.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.pushbench.server.Engine;

/**
 * A small calibration through real sockets: the machine floors on a loopback TCP pair, and each engine's bare
 * broadcast server in a JVM of its own driven by pushbench's WebSocket clients, delivery-checked (a lost,
 * duplicated or reordered frame fails {@link Calibration#measure}).
 */
class CalibrationTest {

    private static final CalibrationLoad SMALL = new CalibrationLoad(5, 20, 64, Duration.ofMillis(500),
            Duration.ofSeconds(1), 200, 5);

    @Test
    void measuresEveryFloorWithTheSamplesAsked() throws Exception {
        List<Floor> floors = Calibration.measure(SMALL, List.of(Engine.NETTY, Engine.JETTY));

        assertEquals(List.of("machine.pingPong", "machine.idleWake", "engine.netty", "engine.jetty"),
                floors.stream().map(Floor::name).toList());
        assertEquals(200, floors.get(0).samples(), "one sample per round trip");
        assertEquals(5, floors.get(1).samples(), "one sample per wake-up");
        for (Floor f : floors) {
            assertTrue(f.p50Us() > 0 && f.p99Us() >= f.p50Us(), f.toString());
        }
        assertTrue(floors.get(1).what().contains("50 ms idle"), "the gap is the message interval of 20 msgs/s");
        for (Floor engine : floors.subList(2, 4)) {
            // 6 members (5 and the publisher) but only the 5 are metered; 20 msgs/s for about a second.
            assertTrue(engine.samples() >= 5 * 15 && engine.samples() <= 5 * 25, engine.toString());
            assertTrue(engine.serverCpuNsPerDelivery() > 0 && engine.clientCpuNsPerDelivery() > 0,
                    engine.toString());
            assertTrue(engine.isEngineFloor());
        }
        assertTrue(!floors.get(0).isEngineFloor() && Double.isNaN(floors.get(0).serverCpuNsPerDelivery()));
    }

    @Test
    void refusesALoadItCannotMeasure() {
        Duration second = Duration.ofSeconds(1);
        assertThrows(() -> new CalibrationLoad(0, 20, 64, second, second, 1, 1));
        assertThrows(() -> new CalibrationLoad(5, 0, 64, second, second, 1, 1));
        assertThrows(() -> new CalibrationLoad(5, 20, 64, second, Duration.ZERO, 1, 1));
    }

    private static void assertThrows(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
    }
}
