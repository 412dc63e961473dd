package org.pushbench.bench.load;

import static org.pushbench.bench.load.FigureNames.*;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.pushbench.bench.meter.LatencyRecorder;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.WireCategory;
import org.pushbench.bench.meter.WireMeter;
import org.pushbench.server.Transport;

/**
 * One measurement window (a JMH iteration): opened by zeroing the server's counters and noting every meter,
 * closed by reading them again. Client figures come from the clients' meters, server figures from the server's
 * probe (its metrics endpoint, or the OS for a local server without one: {@link ServerFigures}), CPU of each side
 * from its own process.
 */
public final class MeasurementWindow {

    private final ChatLoad load;
    private final ServerUnderTest server;
    private final Baseline baseline;
    private final long startNanos;
    private final WireMeter.Snapshot wireAtStart;
    private final RecipientMeters.Counts countsAtStart;
    private final long clientCpuAtStart;
    private final WireMeter.Snapshot publisherAtStart;
    private final long sentAtStart;
    private final long dueAtStart;
    private final ServerSnapshot serverAtStart;

    /** The server's memory and threads before any client connected, to tell what the clients cost. */
    public record Baseline(long heapBytes, long directBytes, int threads, long residentBytes) {
        public static Baseline of(ServerSnapshot s) {
            return new Baseline(s.heapUsedBytes(), s.directBytes(), s.liveThreads(), s.residentBytes());
        }
    }

    private MeasurementWindow(ChatLoad load, ServerUnderTest server, Baseline baseline)
            throws IOException, InterruptedException {
        this.load = load;
        this.server = server;
        this.baseline = baseline;
        Members.Reading atStart = load.members().read();
        server.probe().reset();
        this.serverAtStart = server.probe().metrics(transport(), false);
        this.wireAtStart = atStart.wire();
        this.countsAtStart = atStart.counts();
        this.publisherAtStart = load.publisherMeters().wire().snapshot();
        this.sentAtStart = load.sent();
        this.clientCpuAtStart = clientCpuNanos();
        this.startNanos = System.nanoTime();
        this.dueAtStart = load.due(startNanos);
    }

    public static MeasurementWindow open(ChatLoad load, ServerUnderTest server, Baseline baseline)
            throws IOException, InterruptedException {
        return new MeasurementWindow(load, server, baseline);
    }

    private Transport transport() {
        return load.spec().transport();
    }

    /**
     * Reads every meter and returns the window's figures. With {@code memory}, the server collects garbage first
     * so heap per client means live objects (left out of latency runs: the pause would land in the next window).
     */
    public Result close(boolean memory) throws IOException, InterruptedException {
        long endNanos = System.nanoTime();
        double seconds = (endNanos - startNanos) / 1e9;
        SendRate rate = new SendRate(load.due(endNanos) - dueAtStart, load.sent() - sentAtStart, seconds);
        long clientCpu = clientCpuNanos() - clientCpuAtStart;
        Members.Reading reading = load.members().read();
        LatencyRecorder.Window latency = reading.latency();
        WireMeter.Snapshot wire = reading.wire().minus(wireAtStart);
        RecipientMeters.Counts counts = reading.counts().minus(countsAtStart);
        ServerSnapshot end = server.probe().metrics(transport(), memory);

        List<Figure> figures = new ArrayList<>();
        long deliveries = counts.deliveries();
        int clients = load.spec().clients();
        figures.add(new Figure(DELIVERIES, deliveries, "msgs"));
        figures.add(new Figure(SENT_OFFERED_PER_SECOND, rate.offeredPerSecond(), "msgs/s"));
        figures.add(new Figure(SENT_ACHIEVED_PER_SECOND, rate.achievedPerSecond(), "msgs/s"));
        figures.add(new Figure(SENT_ACHIEVED_PERCENT, rate.achievedPercent(), "%"));
        figures.add(new Figure(SENT_BELOW_OFFERED, rate.belowOffered() ? 1 : 0, "flag"));
        if (deliveries > 0) {
            LatencySummary.figures(figures, LATENCY, latency.corrected());
            LatencySummary.figures(figures, UNCORRECTED, latency.uncorrected());
            figures.add(new Figure(BYTES_PER_DELIVERY, (double) wire.total() / deliveries, "B/msg"));
            for (WireCategory c : WireCategory.values()) {
                figures.add(new Figure(perDelivery(c), (double) wire.get(c) / deliveries, "B/msg"));
            }
            figures.add(new Figure(REQUESTS_PER_DELIVERY, (double) counts.requests() / deliveries, "req/msg"));
            figures.add(new Figure(CLIENT_CPU_PER_DELIVERY, (double) clientCpu / deliveries, "ns/msg"));
        }
        long answers = counts.requests() - counts.emptyResponses();
        if (counts.emptyResponses() > 0) {
            figures.add(new Figure(HTTP_BYTES_PER_EMPTY_POLL, (double) wire.get(WireCategory.EMPTY_POLLS)
                    / counts.emptyResponses(), "B"));
        }
        if (answers > 0) {
            figures.add(new Figure(HTTP_HEADER_BYTES_PER_ANSWER, (double) wire.get(WireCategory.HEADERS) / answers,
                    "B"));
        }
        long sent = load.sent() - sentAtStart;
        if (sent > 0) {
            long published = load.publisherMeters().wire().snapshot().minus(publisherAtStart).total();
            figures.add(new Figure(PUBLISHER_BYTES_PER_MESSAGE, (double) published / sent, "B/msg"));
        }
        if (wire.total() > 0) {
            figures.add(new Figure(BYTES_OVERHEAD_SHARE, 100.0 * (wire.total() - wire.get(WireCategory.PAYLOAD))
                    / wire.total(), "%"));
        }
        figures.add(new Figure(BYTES_PER_CLIENT_SECOND, wire.total() / seconds / clients, "B/s"));
        figures.add(new Figure(BYTES_IN_FLIGHT, wire.inFlight(), "B"));
        if (counts.requests() > 0) {
            figures.add(new Figure(RESPONSES_EMPTY_SHARE, 100.0 * counts.emptyResponses() / counts.requests(), "%"));
        }
        figures.add(new Figure(CLIENT_CPU, clientCpu / seconds / 1e9, "cores"));
        ServerFigures.add(figures, server, baseline, serverAtStart, end, deliveries, clients, seconds, memory);
        return new Result(figures, rate, latency.corrected(), latency.uncorrected());
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The members' counts since the window opened, read while it runs. */
    public Progress progress() {
        RecipientMeters.Counts counts = load.recipients().counts().minus(countsAtStart);
        return new Progress(counts.deliveries(), counts.requests(), counts.emptyResponses(), counts.errors(),
                load.recipients().wire().snapshot().minus(wireAtStart).total());
    }

    /** What {@link #progress} reads: deliveries, polling requests and empty answers, errors, socket bytes. */
    public record Progress(long deliveries, long requests, long emptyResponses, long errors, long bytes) {
    }

    /** A window's figures, its send rate and its latency samples (for the run's latency files). */
    public record Result(List<Figure> figures, SendRate rate, Histogram corrected, Histogram uncorrected) {
    }
}
