package org.pushbench.bench.report;

import static org.pushbench.bench.load.FigureNames.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.pushbench.bench.load.LatencySummary;

/**
 * Writes a run's {@code summary.csv} (one row per benchmark run, every figure, for plot.py and spreadsheets) and
 * {@code summary.md} (the side-by-side tables people read, with the model's predictions beside the
 * measurements and the bandwidth table).
 */
final class SummaryWriter {

    /** The columns of summary.csv, in order; results/README.md documents them. */
    private static final List<Column> COLUMNS = List.of(
            row("benchmark", ResultRow::benchmark),
            row("transport", r -> r.transport().id()),
            row("engine", r -> r.engine().id()),
            row("clients", ResultRow::clients),
            row("rate", ResultRow::rate),
            row("payloadBytes", ResultRow::payloadBytes),
            row("pollIntervalMs", ResultRow::pollIntervalMs),
            row("headers", r -> r.headers().label()),
            row("network", r -> r.link().profile().label()),
            row("rttMs", r -> r.link().rttMs()),
            row("downKbps", r -> r.link().downKbps()),
            row("upKbps", r -> r.link().upKbps()),
            row("tls", r -> r.tls().name().toLowerCase(java.util.Locale.ROOT)),
            row("deliveriesPerSec", ResultRow::deliveriesPerSec),
            figure("offeredPerSec", SENT_OFFERED_PER_SECOND),
            figure("achievedPerSec", SENT_ACHIEVED_PER_SECOND),
            figure("achievedPercent", SENT_ACHIEVED_PERCENT),
            row("belowOffered", ResultRow::belowOffered),
            row("latencyMeanUs", r -> corrected(r, LatencySummary.Percentiles::mean)),
            row("latencyP50Us", r -> corrected(r, LatencySummary.Percentiles::p50)),
            row("latencyP90Us", r -> corrected(r, LatencySummary.Percentiles::p90)),
            row("latencyP99Us", r -> corrected(r, LatencySummary.Percentiles::p99)),
            row("latencyP999Us", r -> corrected(r, LatencySummary.Percentiles::p999)),
            row("latencyMaxUs", r -> corrected(r, LatencySummary.Percentiles::max)),
            row("uncorrectedMeanUs", r -> uncorrected(r, LatencySummary.Percentiles::mean)),
            row("uncorrectedP50Us", r -> uncorrected(r, LatencySummary.Percentiles::p50)),
            row("uncorrectedP99Us", r -> uncorrected(r, LatencySummary.Percentiles::p99)),
            row("uncorrectedMaxUs", r -> uncorrected(r, LatencySummary.Percentiles::max)),
            figure("firstMessageP50Us", FIRST_MESSAGE_P50),
            figure("firstMessageP99Us", FIRST_MESSAGE_P99),
            figure("deadServerMeanUs", DEAD_SERVER_MEAN),
            figure("deadServerMaxUs", DEAD_SERVER_MAX),
            row("modelDeadServerMeanUs", r -> r.isDeadServer() ? TransportModel.deadServerMeanUs(r) : null),
            row("modelDeadServerMaxUs", r -> r.isDeadServer() ? TransportModel.deadServerMaxUs(r) : null),
            figure("bytesPerDelivery", BYTES_PER_DELIVERY),
            figure("payloadPerDelivery", BYTES_PAYLOAD_PER_DELIVERY),
            figure("headersPerDelivery", BYTES_HEADERS_PER_DELIVERY),
            figure("framingPerDelivery", BYTES_FRAMING_PER_DELIVERY),
            figure("emptyPollsPerDelivery", BYTES_EMPTY_POLLS_PER_DELIVERY),
            figure("keepalivePerDelivery", BYTES_KEEPALIVE_PER_DELIVERY),
            figure("overheadShare", BYTES_OVERHEAD_SHARE),
            row("idleBytesPerClientSecond", r -> r.isIdle() ? r.figure(BYTES_PER_CLIENT_SECOND) : null),
            figure("requestsPerDelivery", REQUESTS_PER_DELIVERY),
            figure("emptyResponseShare", RESPONSES_EMPTY_SHARE),
            figure("serverPeakConnections", SERVER_PEAK_CONNECTIONS),
            figure("serverPeakHeld", SERVER_PEAK_HELD),
            figure("serverThreads", SERVER_THREADS),
            figure("serverOsThreads", SERVER_OS_THREADS),
            figure("serverHeapPerClientBytes", SERVER_HEAP_PER_CLIENT),
            figure("serverDirectPerClientBytes", SERVER_DIRECT_PER_CLIENT),
            figure("serverRssGrowthPerClientBytes", SERVER_RSS_GROWTH_PER_CLIENT),
            figure("serverCpuNsPerDelivery", SERVER_CPU_PER_DELIVERY),
            figure("clientCpuNsPerDelivery", CLIENT_CPU_PER_DELIVERY),
            figure("linkCpuCores", LINK_CPU),
            figure("linkCpuNsPerByte", LINK_CPU_PER_BYTE),
            model("modelLatencyMeanUs", TransportModel.Prediction::latencyMeanUs),
            model("modelLatencyMaxUs", TransportModel.Prediction::latencyMaxUs),
            model("modelBytesPerDelivery", TransportModel.Prediction::bytesPerDelivery),
            model("modelIdleBytesPerClientSecond", TransportModel.Prediction::idleBytesPerClientSecond),
            row("histogram", ResultRow::histogram));

    private final List<ResultRow> rows;

    SummaryWriter(List<ResultRow> rows) {
        this.rows = rows.stream().sorted(Comparator.comparing(ResultRow::benchmark)
                .thenComparing(ResultRow::engine).thenComparing(ResultRow::headers)
                .thenComparingInt(ResultRow::payloadBytes).thenComparingInt(ResultRow::clients)
                .thenComparingInt(ResultRow::pollIntervalMs).thenComparingInt(r -> r.link().rttMs())
                .thenComparing(ResultRow::transport)).toList();
    }

    void writeCsv(Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println(String.join(",", COLUMNS.stream().map(Column::name).toList()));
            for (ResultRow r : rows) {
                TransportModel.Prediction model = TransportModel.predict(r, rows);
                List<String> cells = new ArrayList<>();
                for (Column c : COLUMNS) {
                    cells.add(cell(c.value().apply(r, model)));
                }
                out.println(String.join(",", cells));
            }
        }
    }

    String markdown() {
        return new SummaryTables(rows).render();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() ? "" : String.format(Locale.ROOT, "%.3f", d);
        }
        return value.toString();
    }

    private static Column row(String column, Function<ResultRow, Object> value) {
        return new Column(column, (r, model) -> value.apply(r));
    }

    private static Column figure(String column, String figure) {
        return row(column, r -> r.figure(figure));
    }

    private static Column model(String column, Function<TransportModel.Prediction, Object> value) {
        return new Column(column, (r, model) -> value.apply(model));
    }

    private static Object corrected(ResultRow r, Function<LatencySummary.Percentiles, Object> f) {
        return r.latency() == null ? null : f.apply(r.latency().corrected());
    }

    private static Object uncorrected(ResultRow r, Function<LatencySummary.Percentiles, Object> f) {
        return r.latency() == null ? null : f.apply(r.latency().uncorrected());
    }

    private record Column(String name, BiFunction<ResultRow, TransportModel.Prediction, Object> value) {
    }
}
