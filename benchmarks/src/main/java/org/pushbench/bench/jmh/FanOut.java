package org.pushbench.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

import org.pushbench.bench.load.LoadSpec;

/**
 * <b>FanOut: what it costs to deliver each chat message to every member of a room.</b>
 *
 * <p>A room of {@code clients} members, all on one transport, and a publisher that posts {@code rate} messages a
 * second of {@code payloadBytes} characters on a fixed-rate, open-loop schedule: each message is stamped with
 * the time it was meant to leave, and late messages are not skipped. The server runs in its own JVM. Every member
 * must receive every message once, in order, or the run fails instead of reporting.
 *
 * <p>Primary score: deliveries per second (one operation = one message parsed by one member). It is the offered
 * load, {@code clients x rate}, whenever the server keeps up: it shows a server falling behind, not what a
 * delivery costs. A plain run also reports the window's counts ({@link WindowCounters}: messages delivered, poll
 * requests, empty answers, client errors, socket bytes). The interesting numbers are the secondary results (with
 * {@code -prof org.pushbench.bench.jmh.WindowProfiler}): latency percentiles from the intended send time
 * ({@code latency.*}) and from the actual one ({@code uncorrected.*}), bytes per delivery split into payload,
 * headers, framing, empty polls and keepalive, requests per delivery, and the server's connections, threads,
 * memory and CPU per delivery. Latency logs and histograms go to
 * {@code results/direct/histograms/<name>.{corrected,uncorrected}.{hlog,hgrm}} (results/README.md).
 *
 * <p>Run it: {@code java -jar benchmarks/target/benchmarks.jar FanOut -prof org.pushbench.bench.jmh.WindowProfiler
 * -p transport=WEBSOCKET -p clients=1000}, or all of it through {@code scripts/run-benchmarks.sh}. With
 * {@code -p server=host:adminPort} it measures a server already running instead of starting one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class FanOut extends ChatBenchmark {

    @Param("100")
    public int clients;

    @Param("20")
    public int rate;

    @Param("64")
    public int payloadBytes;

    /** Only short polling uses it. */
    @Param("1000")
    public int pollIntervalMs;

    @Override
    LoadSpec spec(String room) {
        return new LoadSpec(transport, clients, rate, payloadBytes, pollIntervalMs, 0, headers, room);
    }

    @Benchmark
    public void deliveries(Control control, WindowCounters counters) {
        trial.awaitProgress(control);
        trial.count(counters);
    }
}
