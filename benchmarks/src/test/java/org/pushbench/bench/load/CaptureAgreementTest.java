package org.pushbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.bench.load.FigureNames.*;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * The harness's byte counts against a packet capture that shares no code with it: a short FanOut-like run per
 * transport and engine, against a server in its own JVM, captured on loopback by tshark. From before the members
 * connect to a moment where nothing moves ({@link QuietCut}), the capture's TCP payload bytes must equal, to the
 * byte, the members' socket counts (so the window's {@code bytes.perDelivery}) and the server's own socket counts;
 * the capture's connections must be the members', the publisher's and the server's peak.
 */
class CaptureAgreementTest {

    /** Members connect to this address, the publisher to 127.0.0.1: the capture tells them apart. */
    private static final String MEMBERS_HOST = "127.0.0.2";
    private static final int MEMBERS = 10;
    private static final int RATE = 20;
    private static final long SENDING_MILLIS = 2_000;
    private static final int ATTEMPTS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Map<Engine, ServerUnderTest> SERVERS = new EnumMap<>(Engine.class);
    private static LoopbackCapture capture;
    private static int markers;

    static Stream<Arguments> cases() {
        return Stream.of(Engine.values())
                .flatMap(e -> Stream.of(Transport.values()).map(t -> Arguments.of(e, t)));
    }

    @BeforeAll
    static void startServersAndCapture() throws Exception {
        boolean canCapture = LoopbackCapture.installed() && "root".equals(System.getProperty("user.name"));
        if (System.getenv("CI") != null) {
            assertTrue(canCapture, "CI must run this as root with tshark installed (.ci/run installs it)");
        }
        Assumptions.assumeTrue(canCapture, "needs tshark (apt-get install tshark) and root for dumpcap on lo");
        List<Integer> ports = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            // Bound to every address so members can come from 127.0.0.2; pings far apart so nothing moves at a cut.
            ServerUnderTest server = ServerUnderTest.start(engine, List.of(Transport.values()), "256m",
                    List.of("--bind", "0.0.0.0", "--ping-interval", "10m"), TIMEOUT);
            SERVERS.put(engine, server);
            for (Transport t : Transport.values()) {
                ports.add(server.port(t));
            }
        }
        capture = new LoopbackCapture(ports);
    }

    @AfterAll
    static void stop() throws Exception {
        if (capture != null) {
            capture.close();
        }
        for (ServerUnderTest server : SERVERS.values()) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void everyByteTheHarnessCountsIsOnTheWire(Engine engine, Transport transport) throws Exception {
        ServerUnderTest server = SERVERS.get(engine);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (run(server, transport)) {
                return;
            }
        }
        throw new AssertionError("no quiet moment to cut at in " + ATTEMPTS + " runs");
    }

    /**
     * One run and its comparison; false if a client moved while the cut was taken (short polling can: its
     * members poll on their own schedule, so a quiet moment is found, not made).
     */
    private static boolean run(ServerUnderTest server, Transport transport) throws Exception {
        int port = server.port(transport);
        String room = "capture-" + Long.toHexString(System.nanoTime());
        LoadSpec spec = new LoadSpec(transport, MEMBERS, RATE, 64, 1000, 0, HeaderProfile.MINIMAL, room);
        ClientTarget target = new ClientTarget("127.0.0.1", port, room, HeaderProfile.MINIMAL)
                .via(new InetSocketAddress(MEMBERS_HOST, port));
        awaitNoConnections(server, transport);
        try (ClientLoop loop = new ClientLoop(1); ChatLoad load = new ChatLoad(spec, target, loop)) {
            MeasurementWindow.Baseline baseline = MeasurementWindow.Baseline.of(server.admin().metrics(transport,
                    false));
            int opened = ++markers;
            capture.mark(opened);
            MeasurementWindow window = MeasurementWindow.open(load, server, baseline);
            load.connect(TIMEOUT);
            load.startSending();
            Thread.sleep(SENDING_MILLIS);
            load.stopAndVerify(TIMEOUT);
            QuietCut cut = QuietCut.await(load, server, TIMEOUT);
            int cutAt = ++markers;
            capture.mark(cutAt);
            boolean quietAtMark = cut.stillQuiet(load);
            MeasurementWindow.Result result = window.close(false);
            // A short poll during close() may fall before or after the window's own reading of the meters.
            boolean windowAtCut = cut.stillQuiet(load) || CaptureComparison.figure(result, BYTES_PER_DELIVERY)
                    == (double) cut.membersTotal() / CaptureComparison.figure(result, DELIVERIES);
            if (!quietAtMark || !windowAtCut) {
                System.out.println(transport + " on " + server.engine() + ": a poll came "
                        + (quietAtMark ? "before the window read its meters" : "as the marker left") + "; again");
                return false;
            }
            new CaptureComparison(port, MEMBERS_HOST, capture.between(opened, cutAt)).assertAgrees(cut, result,
                    MEMBERS, MEMBERS * load.sent());
        }
        return true;
    }

    /** A retried run starts once the last one's connections are gone, so none of their bytes land in its window. */
    private static void awaitNoConnections(ServerUnderTest server, Transport transport) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (server.admin().metrics(transport, false).openConnections() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the last run's connections stayed open");
            }
            Thread.sleep(10);
        }
    }
}
