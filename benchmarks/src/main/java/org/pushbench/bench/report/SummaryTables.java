package org.pushbench.bench.report;

import static org.pushbench.bench.load.FigureNames.*;

import java.util.List;

import org.pushbench.bench.load.LatencySummary;

/** The tables of summary.md, each a few lines of what was measured, with units in the headers. */
final class SummaryTables {

    private final List<ResultRow> rows;

    SummaryTables(List<ResultRow> rows) {
        this.rows = rows;
    }

    String render() {
        StringBuilder md = new StringBuilder("# pushbench summary\n\n");
        section(md, "FanOut: latency from the intended send time (corrected) and from the actual one",
                latency("FanOut"));
        section(md, "FanOut: bytes on the wire per delivered message, split", bytes("FanOut"));
        section(md, "FanOut: what the server and the clients pay", load("FanOut"));
        section(md, "IdleCost: a connected client while nobody talks", idle());
        section(md, "Capacity: the server per connected client", load("Capacity"));
        section(md, "Capacity: latency as the room grows", latency("Capacity"));
        section(md, "FirstMessage: a newcomer's wait for its first message (connect, handshakes, first exchange);"
                + " per measured window, averaged over the windows by JMH", firstMessage());
        section(md, "DeadServer: how long an idle member takes to notice a silent server (nothing read for its"
                + " keep-alive period plus a grace)", deadServer());
        section(md, "Model (prediction) beside measurement", modelVersusMeasured());
        md.append(new BandwidthTable(rows).render());
        return md.toString();
    }

    private static void section(StringBuilder md, String title, MarkdownTable table) {
        if (!table.isEmpty()) {
            md.append("## ").append(title).append("\n\n").append(table.render()).append('\n');
        }
    }

    private List<ResultRow> of(String benchmark) {
        return rows.stream().filter(r -> r.benchmark().equals(benchmark)).toList();
    }

    private static String config(ResultRow r) {
        StringBuilder c = new StringBuilder(r.clients() + " clients");
        if (!r.isIdle()) {
            c.append(", ").append(r.rate()).append("/s, ").append(r.payloadBytes()).append(" B");
        }
        if (r.transport() == org.pushbench.server.Transport.SHORT_POLLING) {
            c.append(", poll ").append(r.pollIntervalMs()).append(" ms");
        }
        if (r.isIdle() && r.transport() != org.pushbench.server.Transport.SHORT_POLLING) {
            c.append(", keepalive ").append(r.keepaliveMs()).append(" ms");
        }
        c.append(", ").append(r.headers().label());
        if (r.link().emulated()) {
            c.append(", ").append(r.link().profile().label()).append(' ').append(r.link().rttMs()).append(" ms");
        }
        if (r.tls() == org.pushbench.bench.load.TlsMode.ON) {
            c.append(", tls");
        }
        return c.toString();
    }

    private MarkdownTable latency(String benchmark) {
        MarkdownTable t = new MarkdownTable("transport", "engine", "load", "offered msgs/s", "achieved msgs/s",
                "deliveries/s", "p50 ms", "p90 ms",
                "p99 ms", "p99.9 ms", "max ms", "uncorrected p50 ms", "uncorrected p99 ms", "uncorrected max ms");
        for (ResultRow r : of(benchmark)) {
            LatencySummary l = r.latency();
            if (l != null) {
                t.row(r.transport().id(), r.engine().id(), config(r), r.figure(SENT_OFFERED_PER_SECOND),
                        achieved(r), r.deliveriesPerSec(), ms(l.corrected().p50()),
                        ms(l.corrected().p90()), ms(l.corrected().p99()), ms(l.corrected().p999()),
                        ms(l.corrected().max()), ms(l.uncorrected().p50()), ms(l.uncorrected().p99()),
                        ms(l.uncorrected().max()));
            }
        }
        return t;
    }

    private MarkdownTable bytes(String benchmark) {
        MarkdownTable t = new MarkdownTable("transport", "engine", "load", "B/delivery", "payload", "headers",
                "framing", "empty polls", "keepalive", "overhead %", "requests/delivery", "empty answers %");
        for (ResultRow r : of(benchmark)) {
            t.row(r.transport().id(), r.engine().id(), config(r), r.figure(BYTES_PER_DELIVERY),
                    r.figure(BYTES_PAYLOAD_PER_DELIVERY), r.figure(BYTES_HEADERS_PER_DELIVERY),
                    r.figure(BYTES_FRAMING_PER_DELIVERY), r.figure(BYTES_EMPTY_POLLS_PER_DELIVERY),
                    r.figure(BYTES_KEEPALIVE_PER_DELIVERY), r.figure(BYTES_OVERHEAD_SHARE),
                    r.figure(REQUESTS_PER_DELIVERY), r.figure(RESPONSES_EMPTY_SHARE));
        }
        return t;
    }

    private MarkdownTable load(String benchmark) {
        MarkdownTable t = new MarkdownTable("transport", "engine", "load", "peak connections", "peak held",
                "JVM threads", "OS threads", "server heap/client B", "server direct/client B",
                "RSS growth/client B",
                "server CPU µs/delivery", "client CPU µs/delivery");
        for (ResultRow r : of(benchmark)) {
            t.row(r.transport().id(), r.engine().id(), config(r), r.figure(SERVER_PEAK_CONNECTIONS),
                    r.figure(SERVER_PEAK_HELD), r.figure(SERVER_THREADS), r.figure(SERVER_OS_THREADS),
                    r.figure(SERVER_HEAP_PER_CLIENT), r.figure(SERVER_DIRECT_PER_CLIENT),
                    r.figure(SERVER_RSS_GROWTH_PER_CLIENT),
                    micros(r.figure(SERVER_CPU_PER_DELIVERY)), micros(r.figure(CLIENT_CPU_PER_DELIVERY)));
        }
        return t;
    }

    private MarkdownTable idle() {
        MarkdownTable t = new MarkdownTable("transport", "engine", "load", "B/client/s", "kB/client/hour",
                "empty answers %", "server heap/client B", "server direct/client B", "JVM threads", "OS threads",
                "peak held");
        for (ResultRow r : of("IdleCost")) {
            Double perSecond = r.figure(BYTES_PER_CLIENT_SECOND);
            t.row(r.transport().id(), r.engine().id(), config(r), perSecond,
                    perSecond == null ? null : perSecond * 3600 / 1000, r.figure(RESPONSES_EMPTY_SHARE),
                    r.figure(SERVER_HEAP_PER_CLIENT), r.figure(SERVER_DIRECT_PER_CLIENT), r.figure(SERVER_THREADS),
                    r.figure(SERVER_OS_THREADS), r.figure(SERVER_PEAK_HELD));
        }
        return t;
    }

    private MarkdownTable firstMessage() {
        MarkdownTable t = new MarkdownTable("transport", "engine", "network", "RTT ms", "tls", "newcomers/window",
                "p50 ms", "p90 ms", "p99 ms", "max ms", "model round trips", "model p50 ms (prediction)",
                "difference %");
        for (ResultRow r : of("FirstMessage")) {
            Double p50 = millis(r.figure(FIRST_MESSAGE_P50));
            Double model = TransportModel.firstMessageP50Us(r, rows);
            Double modelMs = model == null ? null : model / 1000;
            t.row(r.transport().id(), r.engine().id(), r.link().profile().name(), r.link().rttMs(),
                    r.tls().name(), r.figure(FIRST_MESSAGE_COUNT), p50, millis(r.figure(FIRST_MESSAGE_P90)),
                    millis(r.figure(FIRST_MESSAGE_P99)), millis(r.figure(FIRST_MESSAGE_MAX)),
                    TransportModel.setupRoundTrips(r), modelMs,
                    p50 == null || modelMs == null || modelMs == 0 ? null : 100 * (p50 - modelMs) / modelMs);
        }
        return t;
    }

    private MarkdownTable deadServer() {
        MarkdownTable t = new MarkdownTable("transport", "engine", "network", "period ms", "grace ms", "watchers",
                "members timed", "mean s", "p50 s", "max s", "model mean s (prediction)", "model max s (prediction)",
                "mean difference %", "max difference %");
        for (ResultRow r : of("DeadServer")) {
            Double mean = seconds(r.figure(DEAD_SERVER_MEAN));
            Double max = seconds(r.figure(DEAD_SERVER_MAX));
            double modelMean = TransportModel.deadServerMeanUs(r) / 1e6;
            double modelMax = TransportModel.deadServerMaxUs(r) / 1e6;
            t.row(r.transport().id(), r.engine().id(), r.link().profile().name(),
                    TransportModel.deadServerPeriodUs(r) / 1000, r.param("graceMs", 1000), r.param("watchers", 20),
                    r.figure(DEAD_SERVER_COUNT), mean, seconds(r.figure(DEAD_SERVER_P50)), max, modelMean, modelMax,
                    mean == null ? null : 100 * (mean - modelMean) / modelMean,
                    max == null ? null : 100 * (max - modelMax) / modelMax);
        }
        return t;
    }

    private MarkdownTable modelVersusMeasured() {
        MarkdownTable t = new MarkdownTable("benchmark", "transport", "engine", "load", "figure", "measured",
                "model (prediction)", "difference %");
        for (ResultRow r : rows) {
            TransportModel.Prediction p = TransportModel.predict(r, rows);
            LatencySummary l = r.latency();
            compare(t, r, "mean latency ms", l == null ? null : l.corrected().mean() / 1000,
                    p.latencyMeanUs() == null ? null : p.latencyMeanUs() / 1000);
            compare(t, r, "max latency ms", l == null ? null : l.corrected().max() / 1000.0,
                    p.latencyMaxUs() == null ? null : p.latencyMaxUs() / 1000);
            compare(t, r, "B/delivery", r.figure(BYTES_PER_DELIVERY), p.bytesPerDelivery());
            compare(t, r, "idle B/client/s", r.isIdle() ? r.figure(BYTES_PER_CLIENT_SECOND) : null,
                    p.idleBytesPerClientSecond());
        }
        return t;
    }

    private static void compare(MarkdownTable t, ResultRow r, String figure, Double measured, Double predicted) {
        if (measured != null && predicted != null) {
            t.row(r.benchmark(), r.transport().id(), r.engine().id(), config(r), figure, measured, predicted,
                    predicted == 0 ? null : 100 * (measured - predicted) / predicted);
        }
    }

    private static Double ms(double micros) {
        return micros / 1000;
    }

    private static Double millis(Double micros) {
        return micros == null ? null : micros / 1000;
    }

    private static Double seconds(Double micros) {
        return micros == null ? null : micros / 1e6;
    }

    private static Double micros(Double nanos) {
        return nanos == null ? null : nanos / 1000;
    }

    /** The achieved rate, marked when the sender fell below 99 % of the offered one in some window. */
    private static Object achieved(ResultRow r) {
        Double a = r.figure(SENT_ACHIEVED_PER_SECOND);
        return a != null && Boolean.TRUE.equals(r.belowOffered())
                ? String.format(java.util.Locale.ROOT, "%.1f ⚠ below 99 %%", a) : a;
    }
}
