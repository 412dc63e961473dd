package org.pushbench.bench.report;

import static org.pushbench.bench.load.FigureNames.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pushbench.bench.calibration.CalibrationLoad;
import org.pushbench.bench.calibration.Floor;

/**
 * pushbench's figures divided by the run's floors ({@link Floor}): for every FanOut row at the calibration's
 * load (members, rate, payload), its latency against the machine's and its engine's floors, and its server's and
 * clients' CPU per delivery against its engine's bare broadcast server and the same clients driving it.
 */
final class FloorRatios {

    /** One figure of one run against one floor. */
    record Ratio(ResultRow row, String figure, double value, String floor, double floorValue) {
        double ratio() {
            return value / floorValue;
        }
    }

    private FloorRatios() {
    }

    static List<Ratio> of(List<ResultRow> rows, List<Floor> floors, CalibrationLoad load) {
        List<Ratio> ratios = new ArrayList<>();
        for (ResultRow r : rows) {
            if (!r.benchmark().equals("FanOut") || r.latency() == null || r.clients() != load.clients()
                    || r.rate() != load.rate() || r.payloadBytes() != load.payloadBytes()) {
                continue;
            }
            double p50 = r.latency().corrected().p50();
            double p99 = r.latency().corrected().p99();
            find(floors, "machine.pingPong").ifPresent(f -> ratios.add(
                    new Ratio(r, "latencyP50Us", p50, f.name(), f.p50Us())));
            find(floors, "machine.idleWake").ifPresent(f -> ratios.add(
                    new Ratio(r, "latencyP50Us", p50, f.name(), f.p50Us())));
            Optional<Floor> engine = find(floors, "engine." + r.engine().id());
            engine.ifPresent(f -> {
                ratios.add(new Ratio(r, "latencyP50Us", p50, f.name(), f.p50Us()));
                ratios.add(new Ratio(r, "latencyP99Us", p99, f.name(), f.p99Us()));
                add(ratios, r, "serverCpuNsPerDelivery", r.figure(SERVER_CPU_PER_DELIVERY), f.name(),
                        f.serverCpuNsPerDelivery());
                add(ratios, r, "clientCpuNsPerDelivery", r.figure(CLIENT_CPU_PER_DELIVERY), f.name(),
                        f.clientCpuNsPerDelivery());
            });
        }
        return ratios;
    }

    private static void add(List<Ratio> ratios, ResultRow r, String figure, Double value, String floor,
            double floorValue) {
        if (value != null && floorValue > 0) {
            ratios.add(new Ratio(r, figure, value, floor, floorValue));
        }
    }

    private static Optional<Floor> find(List<Floor> floors, String name) {
        return floors.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The ratio of {@code figure} of {@code row} against {@code floor}, or null when it was not measured. */
    static Double find(List<Ratio> ratios, ResultRow row, String figure, String floor) {
        return ratios.stream().filter(x -> x.row() == row && x.figure().equals(figure) && x.floor().equals(floor))
                .map(Ratio::ratio).findFirst().orElse(null);
    }
}
