package org.pushbench.bench.report;

import static org.pushbench.bench.load.FigureNames.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.pushbench.bench.calibration.CalibrationLoad;
import org.pushbench.bench.calibration.Floor;

/**
 * A run's calibration in its result files: {@code calibration.csv} (every floor figure and every ratio, long
 * format), the "Calibration" section of {@code summary.md}, and the same in a few lines of {@code env.txt}.
 * docs/METHODOLOGY.md explains the floors.
 */
final class CalibrationReport {

    private final List<Floor> floors;
    private final CalibrationLoad load;
    private final List<FloorRatios.Ratio> ratios;

    CalibrationReport(List<Floor> floors, CalibrationLoad load, List<ResultRow> rows) {
        this.floors = floors;
        this.load = load;
        this.ratios = FloorRatios.of(rows, floors, load);
    }

    void writeCsv(Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("subject,transport,engine,figure,value,floor,floorValue,ratio");
            for (Floor f : floors) {
                floorLine(out, f, "samples", f.samples());
                floorLine(out, f, "p50Us", f.p50Us());
                floorLine(out, f, "p99Us", f.p99Us());
                floorLine(out, f, "meanUs", f.meanUs());
                if (f.isEngineFloor()) {
                    floorLine(out, f, "serverCpuNsPerDelivery", f.serverCpuNsPerDelivery());
                    floorLine(out, f, "clientCpuNsPerDelivery", f.clientCpuNsPerDelivery());
                }
            }
            for (FloorRatios.Ratio r : ratios) {
                out.println(String.join(",", r.row().benchmark(), r.row().transport().id(), r.row().engine().id(),
                        r.figure(), number(r.value()), r.floor(), number(r.floorValue()), number(r.ratio())));
            }
        }
    }

    private static void floorLine(PrintWriter out, Floor f, String figure, double value) {
        out.println(String.join(",", f.name(), "", "", figure, number(value), "", "", ""));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## Calibration: this run's floors (measured in this run, ")
                .append(load.clients()).append(" members, ").append(load.rate()).append(" msgs/s, ")
                .append(load.payloadBytes()).append(" B)\n\n");
        MarkdownTable t = new MarkdownTable("floor", "what one sample is", "samples", "p50 us", "p99 us",
                "server CPU us/delivery", "client CPU us/delivery");
        for (Floor f : floors) {
            t.row(f.name(), f.what(), f.samples(), f.p50Us(), f.p99Us(), f.serverCpuNsPerDelivery() / 1e3,
                    f.clientCpuNsPerDelivery() / 1e3);
        }
        md.append(t.render()).append('\n');
        MarkdownTable r = new MarkdownTable("transport", "engine", "headers", "p50 / ping-pong", "p50 / idle wake",
                "p50 / engine floor", "p99 / engine floor", "server CPU / engine floor",
                "client CPU / engine floor's clients", "client CPU / server CPU");
        for (ResultRow row : ratedRows()) {
            Double server = row.figure(SERVER_CPU_PER_DELIVERY);
            Double client = row.figure(CLIENT_CPU_PER_DELIVERY);
            String engine = "engine." + row.engine().id();
            r.row(row.transport().id(), row.engine().id(), row.headers().label(),
                    times(row, "latencyP50Us", "machine.pingPong"), times(row, "latencyP50Us", "machine.idleWake"),
                    times(row, "latencyP50Us", engine), times(row, "latencyP99Us", engine),
                    times(row, "serverCpuNsPerDelivery", engine), times(row, "clientCpuNsPerDelivery", engine),
                    server == null || client == null || server == 0 ? null : String.format(Locale.ROOT, "%.2f×",
                            client / server));
        }
        if (!r.isEmpty()) {
            md.append("## Calibration: FanOut at that load as multiples of the floors\n\n").append(r.render())
                    .append('\n');
        }
        return md.toString();
    }

    private List<ResultRow> ratedRows() {
        return new ArrayList<>(new LinkedHashSet<>(ratios.stream().map(FloorRatios.Ratio::row).toList()));
    }

    private String times(ResultRow row, String figure, String floor) {
        Double ratio = FloorRatios.find(ratios, row, figure, floor);
        return ratio == null ? null : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** The floors and ratios as lines appended to env.txt. */
    void appendTo(Path envFile) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Floor f : floors) {
            lines.add(String.format(Locale.ROOT, "calibration floor %s (%s): p50 %.1f us, p99 %.1f us%s", f.name(),
                    f.what(), f.p50Us(), f.p99Us(), f.isEngineFloor() ? String.format(Locale.ROOT,
                            ", server CPU %.1f us/delivery, client CPU %.1f us/delivery",
                            f.serverCpuNsPerDelivery() / 1e3, f.clientCpuNsPerDelivery() / 1e3) : ""));
        }
        for (FloorRatios.Ratio r : ratios) {
            lines.add(String.format(Locale.ROOT, "calibration ratio %s %s %s %s / %s: %.2f", r.row().benchmark(),
                    r.row().transport().id(), r.row().engine().id(), r.figure(), r.floor(), r.ratio()));
        }
        Files.write(envFile, lines, StandardOpenOption.APPEND);
    }
}
