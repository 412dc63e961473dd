package org.pushbench.bench.jmh;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;

import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.link.LinkSpec;
import org.pushbench.bench.link.NetworkProfile;
import org.pushbench.bench.load.Figure;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.TlsMode;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * The parameters and life cycle every pushbench benchmark shares: a {@link Trial} per JMH trial, a measurement
 * window per iteration. Subclasses say what load to offer and what their operation is.
 */
@State(Scope.Benchmark)
public abstract class ChatBenchmark {

    /** Every transport by default; {@code -p transport=WEBSOCKET} for one. */
    @Param
    public Transport transport;

    /** Every engine by default; {@code -p engine=NETTY} for one. */
    @Param
    public Engine engine;

    @Param("MINIMAL")
    public HeaderProfile headers;

    /**
     * The members' network ({@link NetworkProfile}): LOOPBACK connects them directly; LAN, WAN, MOBILE and CUSTOM
     * put a link emulator between each member and the server.
     */
    @Param("LOOPBACK")
    public NetworkProfile network;

    /** Overrides of the profile's round-trip time and bandwidths (kbit/s), 0 for the profile's; CUSTOM needs them. */
    @Param("0")
    public int rttMs;

    @Param("0")
    public int downKbps;

    @Param("0")
    public int upKbps;

    /** The largest extra one-way delay per segment, in order; 0 for none. */
    @Param("0")
    public int jitterMs;

    /**
     * A server already running, empty to start one in its own JVM: {@code host:adminPort} for one with an admin
     * port (its engine must be {@code engine}), or {@code host/websocket=8083[/pid=N]} for one without
     * ({@link org.pushbench.bench.load.ServerAddress}; docs/PROTOCOL.md).
     */
    @Param("")
    public String server;

    /**
     * The heap of the server JVM this benchmark starts ({@code -Xms} = {@code -Xmx}, a JVM size: 512m, 2g);
     * empty for the benchmark's own size ({@link #defaultServerHeap}).
     */
    @Param("")
    public String serverHeap;

    /** TLS on the server and every client ({@code https}, {@code wss}, TLS 1.3, JDK provider), or plaintext. */
    @Param("OFF")
    public TlsMode tls;

    /**
     * Member processes: 0 keeps up to 19,000 members in the benchmark's JVM and spreads more over as many member
     * JVMs of up to 19,000 as they need (one process here holds 20,000 open files); n > 0 spreads them over n.
     */
    @Param("0")
    public int memberProcesses;

    Trial trial;

    /** The load of this trial, in a room of its own. */
    abstract LoadSpec spec(String room);

    /** Launcher flags for a server this benchmark starts. */
    List<String> serverFlags() {
        return List.of();
    }

    /** Flags setting the WebSocket ping interval and the SSE keep-alive interval, both to {@code millis}. */
    static List<String> keepaliveFlags(int millis) {
        return List.of("--ping-interval", millis + "ms", "--event-keepalive", millis + "ms");
    }

    /** The members' link as the network parameters give it. */
    LinkSpec link() {
        return LinkSpec.of(network, rttMs, downKbps, upKbps, jitterMs);
    }

    /** The server's heap when {@code serverHeap} is not given: 1 GiB, far above what these loads keep live. */
    String defaultServerHeap() {
        return "1g";
    }

    /** Whether each window ends with a GC on the server, to measure live memory per client. */
    boolean measuresMemory() {
        return false;
    }

    /** Called once the trial runs, before the first iteration. */
    void trialStarted() {
    }

    @Setup(Level.Trial)
    public void startTrial() throws Exception {
        String heap = serverHeap.isEmpty() ? defaultServerHeap() : serverHeap;
        if (!heap.matches("\\d+[kmgKMG]")) {
            throw new IllegalArgumentException("serverHeap must be a JVM size such as 512m or 2g, not \"" + heap + "\"");
        }
        String name = benchmarkName();
        LoadSpec spec = spec(Trial.freshRoom(name));
        LinkSpec link = link();
        List<String> flags = new ArrayList<>(serverFlags());
        flags.addAll(tls.serverFlags());
        trial = new Trial(Trial.stem(name, engine, spec, link) + tls.fileNamePart(), engine, server, flags, heap,
                spec, measuresMemory(), link, tls.client(), memberProcesses);
        trialStarted();
    }

    /** The benchmark's own class name; JMH runs a generated subclass ({@code FanOut_jmhType}) of it. */
    private String benchmarkName() {
        Class<?> type = getClass();
        while (type.getSimpleName().contains("_jmhType")) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }

    @Setup(Level.Iteration)
    public void beginIteration() throws Exception {
        trial.beginIteration();
    }

    /** Figures of the benchmark's own for the iteration that ends (after its window's): none by default. */
    List<Figure> iterationFigures() {
        return List.of();
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) throws Exception {
        trial.endIteration(iteration, iterationFigures());
    }

    @TearDown(Level.Trial)
    public void endTrial() throws Exception {
        trial.close();
    }
}
