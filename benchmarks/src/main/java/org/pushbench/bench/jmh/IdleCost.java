package org.pushbench.bench.jmh;

import java.util.List;
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
 * <b>IdleCost: what a connected client costs while nobody talks.</b>
 *
 * <p>{@code clients} members of a silent room. A short-polling client still asks every {@code pollIntervalMs} and
 * gets {@code []}; a long-polling client's request is answered empty once per hold and asked again; a WebSocket
 * client answers a ping per ping interval; an SSE stream carries a comment line per keep-alive interval. All three
 * periods are set to {@code keepaliveMs} here (the servers default
 * to 30 s) so that a window of a few seconds sees several of them; the summary scales the measured rate to
 * bytes per client-hour and the model scales it to other periods.
 *
 * <p>Primary score: bytes on the wire per second, all members together (one operation = one byte counted at a
 * client socket, both directions). No message is offered, so unlike FanOut's this score is the measurement itself:
 * what keeping the clients connected costs. A plain run also reports the window's counts ({@link WindowCounters}:
 * poll requests, empty answers, client errors, socket bytes). Secondary results
 * ({@code -prof org.pushbench.bench.jmh.WindowProfiler}):
 * {@code bytes.perClientSecond}, the share of empty answers, and the server's threads, held requests and live
 * heap and direct memory per connected client (measured after a full GC on the server at each window's end).
 *
 * <p>Run it: {@code java -jar benchmarks/target/benchmarks.jar IdleCost -prof org.pushbench.bench.jmh.WindowProfiler}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class IdleCost extends ChatBenchmark {

    @Param("100")
    public int clients;

    @Param("1000")
    public int pollIntervalMs;

    /** The long-poll hold, the WebSocket ping interval and the SSE keep-alive interval. */
    @Param("5000")
    public int keepaliveMs;

    @Override
    LoadSpec spec(String room) {
        return new LoadSpec(transport, clients, 0, 0, pollIntervalMs, keepaliveMs, headers, room);
    }

    @Override
    List<String> serverFlags() {
        return keepaliveFlags(keepaliveMs);
    }

    @Override
    boolean measuresMemory() {
        return true;
    }

    @Override
    void trialStarted() {
        trial.scoreBytes();
    }

    @Benchmark
    public void wireBytes(Control control, WindowCounters counters) {
        trial.awaitProgress(control);
        trial.count(counters);
    }
}
