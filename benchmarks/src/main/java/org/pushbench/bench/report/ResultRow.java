package org.pushbench.bench.report;

import static org.pushbench.bench.load.FigureNames.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.link.LinkSpec;
import org.pushbench.bench.link.NetworkProfile;
import org.pushbench.bench.load.LatencySummary;
import org.pushbench.bench.load.ResultNames;
import org.pushbench.bench.load.TlsMode;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * One benchmark run as the summary sees it: its parameters, JMH's primary score, the secondary results of
 * {@link org.pushbench.bench.jmh.WindowProfiler}, the latency percentiles over all measured iterations, and every
 * JMH parameter as given (for the few a table needs that have no field here).
 */
public record ResultRow(
        String benchmark,
        Transport transport,
        Engine engine,
        int clients,
        int rate,
        int payloadBytes,
        int pollIntervalMs,
        int keepaliveMs,
        HeaderProfile headers,
        LinkSpec link,
        TlsMode tls,
        double primaryScore,
        Map<String, Double> figures,
        LatencySummary latency,
        String histogram,
        Map<String, String> params) {

    /** A row measured over loopback. */
    ResultRow(String benchmark, Transport transport, Engine engine, int clients, int rate, int payloadBytes,
            int pollIntervalMs, int keepaliveMs, HeaderProfile headers, double primaryScore,
            Map<String, Double> figures, LatencySummary latency, String histogram) {
        this(benchmark, transport, engine, clients, rate, payloadBytes, pollIntervalMs, keepaliveMs, headers,
                LinkSpec.LOOPBACK, TlsMode.OFF, primaryScore, figures, latency, histogram, Map.of());
    }

    static ResultRow of(RunResult run, Path histogramDir) throws IOException {
        BenchmarkParams p = run.getParams();
        String method = p.getBenchmark();
        String type = method.substring(0, method.lastIndexOf('.'));
        String benchmark = type.substring(type.lastIndexOf('.') + 1);
        Transport transport = Transport.valueOf(p.getParam("transport"));
        Engine engine = Engine.valueOf(p.getParam("engine"));
        HeaderProfile headers = HeaderProfile.valueOf(p.getParam("headers"));
        int clients = intParam(p, "clients", 0);
        int rate = intParam(p, "rate", 0);
        int payload = intParam(p, "payloadBytes", 0);
        int poll = intParam(p, "pollIntervalMs", 0);
        Map<String, Double> figures = new HashMap<>();
        run.getSecondaryResults().forEach((name, result) -> figures.put(name, result.getScore()));
        String network = p.getParam("network");
        LinkSpec link = network == null ? LinkSpec.LOOPBACK : LinkSpec.of(NetworkProfile.valueOf(network),
                intParam(p, "rttMs", 0), intParam(p, "downKbps", 0), intParam(p, "upKbps", 0),
                intParam(p, "jitterMs", 0));
        TlsMode tls = TlsMode.ofParam(p.getParam("tls"));
        String stem = ResultNames.stem(benchmark, transport.id(), engine.id(), clients, rate, payload, poll,
                headers.label(), link.fileNamePart()) + tls.fileNamePart();
        Path latencyFile = histogramDir.resolve(stem + ".latency.json");
        boolean timed = Files.isRegularFile(latencyFile);
        return new ResultRow(benchmark, transport, engine, clients, rate, payload, poll,
                intParam(p, "keepaliveMs", 0), headers, link, tls, run.getPrimaryResult().getScore(), figures,
                timed ? LatencySummary.read(latencyFile) : null, timed ? stem : "", params(p));
    }

    private static Map<String, String> params(BenchmarkParams p) {
        Map<String, String> params = new HashMap<>();
        p.getParamsKeys().forEach(key -> params.put(key, p.getParam(key)));
        return Map.copyOf(params);
    }

    private static int intParam(BenchmarkParams p, String key, int absent) {
        String value = p.getParam(key);
        return value == null ? absent : Integer.parseInt(value);
    }

    /** A secondary result, or null when this run did not produce it. */
    Double figure(String name) {
        return figures.get(name);
    }

    /** Whether a measured window's sender achieved less than 99 % of the offered rate (null: not a sending run). */
    Boolean belowOffered() {
        Double flag = figure(SENT_BELOW_OFFERED);
        return isIdle() || flag == null ? null : flag > 0;
    }

    /** A parameter of the run that has no field of its own (e.g. DeadServer's {@code graceMs}). */
    int param(String name, int absent) {
        String value = params.get(name);
        return value == null ? absent : Integer.parseInt(value);
    }

    /** How long idle members took to notice a silent server ({@code DeadServer}); its figures are its own. */
    boolean isDeadServer() {
        return benchmark.equals("DeadServer");
    }

    /** A newcomer's time to its first message, the row's own figure ({@code FirstMessage}); null otherwise. */
    boolean isFirstMessage() {
        return benchmark.equals("FirstMessage");
    }

    boolean isIdle() {
        return benchmark.equals("IdleCost");
    }

    Double deliveriesPerSec() {
        return isIdle() ? 0.0 : primaryScore;
    }

    /** Whether the two rows measured the same load but perhaps over another transport. */
    boolean sameLoad(ResultRow other) {
        return benchmark.equals(other.benchmark) && engine == other.engine && clients == other.clients
                && rate == other.rate && payloadBytes == other.payloadBytes && headers == other.headers
                && link.equals(other.link);
    }
}
