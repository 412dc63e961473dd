package org.pushbench.bench.jmh;

import static org.pushbench.bench.load.FigureNames.DEAD_SERVER;
import static org.pushbench.bench.load.FigureNames.DEAD_SERVER_COUNT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.pushbench.bench.client.SimulatedClient;
import org.pushbench.bench.link.LinkRelay;
import org.pushbench.bench.link.LinkSpec;
import org.pushbench.bench.load.Figure;
import org.pushbench.bench.load.LatencySummary;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.meter.LatencyRecorder;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Transport;

/**
 * <b>DeadServer: how long an idle member takes to notice that its server is gone.</b>
 *
 * <p>A server that crashes sends its members a FIN or a reset, and they reconnect at once. A dead host, a frozen
 * VM or a network partition sends nothing: the connection stays open and silent, and a member finds out only by
 * a liveness rule of its own. Each member here has one, the simplest a client can have: nothing read for the
 * period the server promised plus {@code graceMs} means the server is dead. The period is the transport's: a
 * WebSocket ping or an SSE comment every {@code keepaliveMs}, a long poll answered (empty) within its hold of
 * {@code keepaliveMs}, a short poll answered at every {@code pollIntervalMs}. So what this benchmark shows is the
 * price of a transport's keep-alive period in detection time, beside what IdleCost shows it costs in bytes.
 *
 * <p>Each operation: {@code watchers} members join the (silent) room through a link of their own, spread evenly
 * over one period so that their keep-alive phases are too; then that link is cut ({@link LinkRelay#cut()}: no
 * byte, FIN or reset crosses it any more, both ends stay open), and the operation ends once every watcher's rule
 * has fired. The link is the benchmark's {@code network} (a relay that shapes nothing on loopback).
 *
 * <p>Primary score: JMH's sample of operation times (milliseconds: until the last watcher noticed). Exact
 * figures, per watcher: {@code deadServer.p50.us}, ..., with {@code -prof org.pushbench.bench.jmh.WindowProfiler}.
 * The model: watchers spaced P/W apart notice at grace + i·P/W after the cut, grace + P(W−1)/(2W) on average.
 *
 * <p>Run it: {@code java -jar benchmarks/target/benchmarks.jar DeadServer -prof
 * org.pushbench.bench.jmh.WindowProfiler -p transport=WEBSOCKET}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class DeadServer extends ChatBenchmark {

    /** Room members on the benchmark's own link, which stays up: the room the watchers join. */
    @Param("10")
    public int clients;

    /** Members timed per operation, each on the link that is cut. */
    @Param("20")
    public int watchers;

    @Param("1000")
    public int pollIntervalMs;

    /** The long-poll hold, the WebSocket ping interval and the SSE keep-alive interval. */
    @Param("2000")
    public int keepaliveMs;

    /** How long past the promised period a member waits before it declares the server dead. */
    @Param("1000")
    public int graceMs;

    private final Histogram times = LatencyRecorder.emptyHistogram();
    private final List<SimulatedClient> present = new ArrayList<>();
    private final List<RecipientMeters> meters = new ArrayList<>();
    private LinkRelay cutLink;

    @Override
    LoadSpec spec(String room) {
        return new LoadSpec(transport, clients, 0, 0, pollIntervalMs, keepaliveMs, headers, room);
    }

    @Override
    List<String> serverFlags() {
        return keepaliveFlags(keepaliveMs);
    }

    /** What the server promises a member to send at least that often. */
    private long periodMillis() {
        return transport == Transport.SHORT_POLLING ? pollIntervalMs : keepaliveMs;
    }

    @Setup(Level.Invocation)
    public void gather() throws Exception {
        LinkSpec link = link();
        cutLink = new LinkRelay(link.emulated() ? link : LinkSpec.UNSHAPED, trial.serverSocket());
        Duration limit = Duration.ofMillis(periodMillis() + graceMs);
        long start = System.nanoTime();
        long spacing = TimeUnit.MILLISECONDS.toNanos(periodMillis()) / watchers;
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (int i = 0; i < watchers; i++) {
            RecipientMeters own = new RecipientMeters();
            own.watchSilence(limit);
            SimulatedClient watcher = trial.watcher(own, cutLink.address());
            meters.add(own);
            present.add(watcher);
            sleepUntil(start + i * spacing);
            started.add(watcher.start());
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        sleepUntil(start + watchers * spacing);
        for (RecipientMeters own : meters) {
            if (own.counts().errors() > 0 || own.serverSilent().isDone()) {
                throw new IllegalStateException("a watcher failed before its link was cut: "
                        + (own.serverSilent().isDone() ? "its rule fired on a live link" : own.firstError()));
            }
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    @Benchmark
    public long noticeDeadServer() throws Exception {
        long cut = System.nanoTime();
        cutLink.cut();
        long last = cut;
        long allowance = TimeUnit.MILLISECONDS.toNanos(periodMillis() + graceMs) + TimeUnit.SECONDS.toNanos(10);
        for (RecipientMeters own : meters) {
            long noticed = own.serverSilent().get(Math.max(1, cut + allowance - System.nanoTime()), TimeUnit.NANOSECONDS);
            times.recordValue(Math.max(0, (noticed - cut) / 1000));
            last = Math.max(last, noticed);
        }
        return last - cut;
    }

    @TearDown(Level.Invocation)
    public void disperse() {
        for (SimulatedClient watcher : present) {
            watcher.recipient().leave();
            watcher.vanish();
        }
        present.clear();
        meters.clear();
        // Closing the relay closes its connections to the server, which then releases what the watchers held.
        cutLink.close();
    }

    @Override
    List<Figure> iterationFigures() {
        List<Figure> figures = new ArrayList<>();
        LatencySummary.figures(figures, DEAD_SERVER, times);
        figures.add(new Figure(DEAD_SERVER_COUNT, times.getTotalCount(), "members"));
        times.reset();
        return figures;
    }
}
