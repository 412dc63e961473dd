package org.pushbench.bench.jmh;

import static org.pushbench.bench.load.FigureNames.FIRST_MESSAGE;
import static org.pushbench.bench.load.FigureNames.FIRST_MESSAGE_COUNT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.pushbench.bench.load.CloseWait;
import org.pushbench.bench.load.Figure;
import org.pushbench.bench.load.LatencySummary;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.meter.LatencyRecorder;
import org.pushbench.bench.meter.RecipientMeters;

/**
 * <b>FirstMessage: how long a new member waits for its first message.</b>
 *
 * <p>A page opened on a chat must connect before it shows anything: a TCP handshake, a TLS handshake with
 * {@code -p tls=ON}, the WebSocket upgrade or the first poll. On loopback that is a fraction of a millisecond;
 * on a real network each is a round trip, and that is what this benchmark shows ({@code -p network=MOBILE}).
 * A room of {@code clients} members receives {@code rate} messages a second; each operation is one newcomer
 * joining it one message behind the newest (a reopened page with its cursor), so that its first answer, or the
 * frames right after its handshake, carry a message at once: the time measured is set-up alone, from the moment
 * it starts to connect to the moment it has parsed that message. Each newcomer then leaves (not timed), the way
 * its client does: a close frame for WebSocket, closing the connection for HTTP.
 *
 * <p>Primary score: JMH's sample of operation times (milliseconds), which includes waking this benchmark's
 * thread. The exact figures are the secondary results ({@code -prof org.pushbench.bench.jmh.WindowProfiler}):
 * {@code firstMessage.p50.us}, ..., from the newcomer's own clock readings, plus the room's figures as FanOut
 * reports them. The model (docs/METHODOLOGY.md) predicts the round trips each transport needs.
 *
 * <p>Run it: {@code java -jar benchmarks/target/benchmarks.jar FirstMessage -prof
 * org.pushbench.bench.jmh.WindowProfiler -p network=LOOPBACK,MOBILE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 2, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class FirstMessage extends ChatBenchmark {

    /** A newcomer that has no message by then fails the run. */
    private static final Duration FIRST_MESSAGE_TIMEOUT = Duration.ofSeconds(30);

    /** The room's members: they keep it busy and tell the newest message a newcomer joins behind. */
    @Param("10")
    public int clients;

    @Param("5")
    public int rate;

    /** Only short polling uses it; its first poll goes out at once. */
    @Param("1000")
    public int pollIntervalMs;

    private final Histogram times = LatencyRecorder.emptyHistogram();
    private RecipientMeters newcomerMeters;
    private SimulatedClient newcomer;

    @Override
    LoadSpec spec(String room) {
        return new LoadSpec(transport, clients, rate, 64, pollIntervalMs, 0, headers, room);
    }

    @Setup(Level.Invocation)
    public void arrive() throws InterruptedException {
        newcomerMeters = new RecipientMeters();
        newcomer = trial.newcomer(newcomerMeters, FIRST_MESSAGE_TIMEOUT);
    }

    @Benchmark
    public long firstMessage() throws Exception {
        long started = System.nanoTime();
        newcomer.start().whenComplete((connected, failure) -> {
            if (failure != null) {
                newcomerMeters.firstDelivery().completeExceptionally(failure);
            }
        });
        long parsed = newcomerMeters.firstDelivery().get(FIRST_MESSAGE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        times.recordValue(Math.max(0, (parsed - started) / 1000));
        return parsed;
    }

    @TearDown(Level.Invocation)
    public void leave() {
        newcomer.recipient().leave();
        newcomer.close();
        CloseWait.await(List.of(newcomer.whenClosed()));
        if (newcomerMeters.counts().errors() > 0) {
            throw new IllegalStateException("a newcomer saw a protocol error: " + newcomerMeters.firstError());
        }
    }

    @Override
    List<Figure> iterationFigures() {
        List<Figure> figures = new ArrayList<>();
        LatencySummary.figures(figures, FIRST_MESSAGE, times);
        figures.add(new Figure(FIRST_MESSAGE_COUNT, times.getTotalCount(), "newcomers"));
        times.reset();
        return figures;
    }
}
