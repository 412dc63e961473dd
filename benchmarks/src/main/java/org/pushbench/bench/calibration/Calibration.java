package org.pushbench.bench.calibration;

import java.util.ArrayList;
import java.util.List;

import org.pushbench.server.Engine;

/**
 * Measures a run's floors ({@link MachineFloor}, then one {@link EngineFloor} per engine), in the run itself, so
 * that its figures are read against what this machine and these engines gave under the same load that day.
 */
public final class Calibration {

    private Calibration() {
    }

    public static List<Floor> measure(CalibrationLoad load, List<Engine> engines) throws Exception {
        List<Floor> floors = new ArrayList<>();
        floors.add(Floor.ofNanos("machine.pingPong", "loopback TCP round trip, hot loop",
                MachineFloor.pingPong(load.pings(), load.pings())));
        floors.add(Floor.ofNanos("machine.idleWake", "loopback TCP one way after " + load.gapNanos() / 1_000_000
                + " ms idle", MachineFloor.idleWake(load.gapNanos(), load.wakes())));
        for (Engine engine : engines) {
            floors.add(EngineFloor.measure(engine, load));
        }
        return floors;
    }
}
