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
 * <b>Capacity: what the server pays per connected client as the room grows.</b>
 *
 * <p>{@code clients} members (sweep it: 1000, 4000, 8000, ...) in a room with light traffic ({@code rate}
 * messages a second), so every transport holds what it holds in a live chat: a keep-alive connection polled
 * every {@code pollIntervalMs}, a held long poll, or an open WebSocket. The clients live in the benchmark JVM,
 * the server in its own, with a heap that grows with {@code clients} ({@link #defaultServerHeap}; {@code -p
 * serverHeap=4g} to choose); one process here may hold about 19,900 sockets (docs/CLAIMS.md, machine limits), and
 * clients beyond 20,000 spread over source addresses 127.0.0.2, ... by themselves.
 *
 * <p>Primary score: deliveries per second, which is the offered load ({@code clients x rate}) whenever the server
 * keeps up; a plain run also reports the window's counts ({@link WindowCounters}). Secondary results
 * ({@code -prof org.pushbench.bench.jmh.WindowProfiler}):
 * the server's peak connections and held requests, live threads, live heap and direct memory per client after a
 * full GC, resident memory, CPU per delivery, and the delivery latency at that size.
 *
 * <p>Run it: {@code java -jar benchmarks/target/benchmarks.jar Capacity -prof org.pushbench.bench.jmh.WindowProfiler
 * -p clients=1000,4000,8000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 2, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class Capacity extends ChatBenchmark {

    @Param("1000")
    public int clients;

    @Param("1")
    public int rate;

    @Param("64")
    public int payloadBytes;

    @Param("1000")
    public int pollIntervalMs;

    @Override
    LoadSpec spec(String room) {
        return new LoadSpec(transport, clients, rate, payloadBytes, pollIntervalMs, 0, headers, room);
    }

    /**
     * 1 GiB, or 256 MiB plus 128 KiB per client when that is more (2,506 MiB at 18,000 clients): room for the
     * largest live heap per client measured here, ~113 KB for a Jetty polling connection before Jetty's header
     * field cache was turned off, so no size of the sweep runs the server out of memory.
     */
    @Override
    String defaultServerHeap() {
        return Math.max(1024, 256 + (clients + 7) / 8) + "m";
    }

    @Override
    boolean measuresMemory() {
        return true;
    }

    @Benchmark
    public void deliveries(Control control, WindowCounters counters) {
        trial.awaitProgress(control);
        trial.count(counters);
    }
}
