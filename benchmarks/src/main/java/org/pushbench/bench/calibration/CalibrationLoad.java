package org.pushbench.bench.calibration;

import java.time.Duration;

/**
 * The load a run's calibration repeats: the FanOut load it is compared with (members, rate, payload), and how
 * long and how often to sample.
 *
 * @param pings round trips of the ping-pong floor
 * @param wakes wake-ups of the idle-wake floor, each after one message interval ({@code 1 s / rate})
 */
public record CalibrationLoad(int clients, int rate, int payloadBytes, Duration warmup, Duration measure,
        int pings, int wakes) {

    public CalibrationLoad {
        if (clients < 1 || rate < 1 || payloadBytes < 0 || pings < 1 || wakes < 1 || measure.isZero()) {
            throw new IllegalArgumentException("bad calibration load: " + this);
        }
    }

    long gapNanos() {
        return 1_000_000_000L / rate;
    }
}
