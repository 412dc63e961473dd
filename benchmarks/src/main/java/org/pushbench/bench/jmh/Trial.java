package org.pushbench.bench.jmh;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.ClientTls;
import org.pushbench.bench.client.SimulatedClient;
import org.pushbench.bench.fleet.MemberFleet;
import org.pushbench.bench.link.LinkRelay;
import org.pushbench.bench.link.LinkSpec;
import org.pushbench.bench.link.RelayWindow;
import org.pushbench.bench.load.ChatLoad;
import org.pushbench.bench.load.Figure;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.LocalMembers;
import org.pushbench.bench.load.Members;
import org.pushbench.bench.load.MessageEncoder;
import org.pushbench.bench.load.MeasurementWindow;
import org.pushbench.bench.load.ResultNames;
import org.pushbench.bench.load.ServerUnderTest;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Engine;

/**
 * What every pushbench benchmark does around its JMH trial: start the server (or attach to one), connect the
 * load, open and close a {@link MeasurementWindow} per iteration and hand its figures to {@link WindowProfiler},
 * and at the end stop sending, check every delivery and write the measured iterations' latency histograms.
 */
final class Trial implements AutoCloseable {

    /**
     * Connecting takes a fixed allowance plus a share per client: 19,000 clients took over two minutes on this
     * 2-core machine while other jobs loaded it.
     */
    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration CONNECT_TIMEOUT_PER_CLIENT = Duration.ofMillis(20);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** Each member JVM's heap: ~19,000 members need well under it. */
    private static final String MEMBER_HEAP = "1g";
    /**
     * A server with --tls took 16 s to print its ports at load 40 (BouncyCastle and JSSE load first), and more
     * with a pre-touched 1 GiB heap: 30 s was not enough.
     */
    private static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(90);
    /**
     * How long the benchmark thread parks when it has counted every delivery so far. Each wake-up is client CPU
     * that no client spends: 0.2 ms cost 5,000 wake-ups a second at any load; 2 ms costs 500 and ends an
     * iteration at most 2 ms late.
     */
    private static final long PARK_NANOS = 2_000_000;

    private final String stem;
    private final ServerUnderTest server;
    private final ClientLoop loop;
    private final ChatLoad load;
    private final LinkRelay relay;
    private final InetSocketAddress serverSocket;
    private final MeasurementWindow.Baseline baseline;
    private final boolean memoryPerClient;
    private final LatencyFiles latencyFiles = new LatencyFiles();
    private MeasurementWindow window;
    private RelayWindow relayWindow;
    private LongSupplier progress;
    private long consumed;
    private boolean timing;

    /**
     * @param stem            the result file name: the benchmark and its parameters
     * @param serverAddress   a running server ({@link org.pushbench.bench.load.ServerAddress}), or empty to start one
     * @param serverHeap      the heap of a server this trial starts ({@code -Xms} = {@code -Xmx})
     * @param memoryPerClient whether windows end with a GC on the server to measure memory per client
     * @param link            the members' network: a relay in front of the server unless loopback
     * @param tls             TLS on every client, as the server was started with (or is running)
     * @param memberProcesses member JVMs of their own; 0 for this JVM, or as many as the clients need past
     *                        {@link MemberFleet#MEMBERS_PER_PROCESS} (plaintext only, for now)
     */
    Trial(String stem, Engine engine, String serverAddress, List<String> serverFlags, String serverHeap,
            LoadSpec spec, boolean memoryPerClient, LinkSpec link, ClientTls tls, int memberProcesses)
            throws Exception {
        this.stem = stem;
        this.memoryPerClient = memoryPerClient;
        this.server = serverAddress.isEmpty()
                ? ServerUnderTest.start(engine, List.of(spec.transport()), serverHeap, serverFlags,
                        SERVER_START_TIMEOUT)
                : ServerUnderTest.attach(serverAddress, engine);
        this.loop = new ClientLoop(0);
        LinkRelay relay = null;
        ChatLoad load = null;
        InetSocketAddress serverSocket;
        // A trial that fails to start gets no close() from JMH: it stops what it started itself.
        try {
            this.baseline = MeasurementWindow.Baseline.of(server.probe().metrics(spec.transport(), true));
            ClientTarget target = new ClientTarget(server.host(), server.port(spec.transport()), spec.room(),
                    spec.headers()).with(tls);
            serverSocket = target.address();
            relay = link.emulated() ? new LinkRelay(link, target.address()) : null;
            Members members = members(spec, relay == null ? target : target.via(relay.address()), memberProcesses);
            load = new ChatLoad(spec, target, loop, members, MessageEncoder.sentMessages(spec.payloadBytes()));
            load.connect(CONNECT_TIMEOUT.plus(CONNECT_TIMEOUT_PER_CLIENT.multipliedBy(spec.clients())));
            load.startSending();
        } catch (Exception | Error e) {
            try {
                CloseAll.close(load, loop, relay, server);
            } catch (Exception c) {
                e.addSuppressed(c);
            }
            throw e;
        }
        this.relay = relay;
        this.serverSocket = serverSocket;
        this.load = load;
        this.progress = this.load.members()::deliveries;
    }

    private Members members(LoadSpec spec, ClientTarget target, int processes) throws Exception {
        int n = processes > 0 ? processes
                : spec.clients() > MemberFleet.MEMBERS_PER_PROCESS ? MemberFleet.processesFor(spec.clients()) : 0;
        if (n > 0 && target.tls() != ClientTls.OFF) {
            throw new IllegalArgumentException("member processes do not carry TLS yet: run at most "
                    + MemberFleet.MEMBERS_PER_PROCESS + " clients with tls=ON");
        }
        return n == 0 ? new LocalMembers(spec, spec.clients(), target, loop)
                : MemberFleet.start(spec, Collections.nCopies(n, target), MEMBER_HEAP);
    }

    /** The result file name of this benchmark's run of {@code spec}. */
    static String stem(String benchmark, Engine engine, LoadSpec spec, LinkSpec link) {
        return ResultNames.stem(benchmark, spec.transport().id(), engine.id(), spec.clients(), spec.ratePerSecond(),
                spec.payloadBytes(), spec.pollIntervalMillis(), spec.headers().label(), link.fileNamePart());
    }

    /** A room of its own for each run, so its message ids start at 1. */
    static String freshRoom(String benchmark) {
        return benchmark.toLowerCase(java.util.Locale.ROOT) + "-" + Long.toHexString(System.nanoTime());
    }

    /** Counts wire bytes instead of deliveries as the benchmark's operations (for an idle room). */
    void scoreBytes() {
        this.progress = load.members()::wireBytes;
    }

    void beginIteration() throws Exception {
        window = MeasurementWindow.open(load, server, baseline);
        relayWindow = relay == null ? null : RelayWindow.open(relay);
        timing = false;
    }

    /**
     * A member about to join the room from one message back, on meters of its own ({@link ChatLoad#newcomer});
     * waits up to {@code wait} for the room's first delivery, which it needs.
     */
    SimulatedClient newcomer(RecipientMeters own, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (load.members().deliveries() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return load.newcomer(own);
    }

    /** The server's socket for the members' transport, for a relay of the benchmark's own to connect to. */
    InetSocketAddress serverSocket() {
        return serverSocket;
    }

    /** A member on meters of its own reaching the server through {@code route}: {@link ChatLoad#watcher}. */
    SimulatedClient watcher(RecipientMeters own, InetSocketAddress route) {
        return load.watcher(own, route);
    }

    /** Ends the iteration's window and publishes its figures, with {@code more} of the benchmark's own. */
    void endIteration(IterationParams iteration, List<Figure> more) throws Exception {
        MeasurementWindow.Result result = window.close(memoryPerClient);
        List<Figure> figures = new ArrayList<>(result.figures());
        figures.addAll(more);
        if (relayWindow != null) {
            figures.addAll(relayWindow.close());
        }
        WindowProfiler.publish(figures);
        if (result.rate().belowOffered()) {
            System.out.println(result.rate().warning());
        }
        if (iteration.getType() == IterationType.MEASUREMENT) {
            latencyFiles.add(result.corrected(), result.uncorrected());
        }
    }

    /**
     * One operation of the benchmark: returns once one more unit of progress (a delivery, or a byte) has
     * happened, or when JMH ends the iteration. Parks in between ({@link #PARK_NANOS}), so the benchmark thread
     * costs the clients little CPU.
     */
    void awaitProgress(Control control) {
        if (!timing) {
            // JMH times the iteration from its first call: progress made before (connecting, opening the window,
            // between iterations) is no operation of it, or the score would exceed the offered load.
            consumed = progress.getAsLong();
            timing = true;
        }
        while (consumed >= progress.getAsLong()) {
            if (control.stopMeasurement) {
                return;
            }
            LockSupport.parkNanos(PARK_NANOS);
        }
        consumed++;
    }

    /** Shows the window's counts so far in JMH's auxiliary counters. */
    void count(WindowCounters counters) {
        counters.show(window.progress());
    }

    @Override
    public void close() throws Exception {
        try {
            load.stopAndVerify(DRAIN_TIMEOUT);
            if (!latencyFiles.isEmpty()) {
                latencyFiles.write(stem);
            }
        } finally {
            CloseAll.close(load, loop, relay, server);
        }
    }
}
