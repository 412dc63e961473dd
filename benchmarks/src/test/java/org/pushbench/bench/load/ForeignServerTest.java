package org.pushbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.bench.load.FigureNames.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * Measuring a server that isn't pushbench's, played by a real pushbench server JVM whose admin port the run is not
 * told about: given its WebSocket port (and its pid, when local), the harness measures it, takes what the OS says
 * of the process and leaves out, never zeroes, what it cannot know. With the admin port, a mislabelled engine is
 * refused.
 */
class ForeignServerTest {

    private static final int MEMBERS = 5;
    private static ServerUnderTest real;

    @BeforeAll
    static void start() throws Exception {
        real = ServerUnderTest.start(Engine.NETTY, List.of(Transport.WEBSOCKET), "256m", List.of(),
                Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        real.close();
    }

    @Test
    void aLocalServerWithoutAdminPortGetsItsProcessFiguresFromTheOs() throws Exception {
        String spec = "127.0.0.1/websocket=" + real.port(Transport.WEBSOCKET) + "/pid=" + real.pid();
        Map<String, Double> figures = measure(ServerUnderTest.attach(spec, Engine.JETTY));
        assertTrue(figures.get(SERVER_CPU) >= 0);
        assertTrue(figures.containsKey(SERVER_CPU_PER_DELIVERY));
        assertTrue(figures.containsKey(SERVER_RSS_GROWTH_PER_CLIENT));
        assertTrue(figures.get(SERVER_OS_THREADS) > 1, "a JVM runs many threads");
        assertTrue(figures.get(SERVER_OS_SOCKETS) >= MEMBERS + 1, "the members', the publisher's and listening ones");
        for (String unknown : List.of(SERVER_PEAK_CONNECTIONS, SERVER_PEAK_HELD, SERVER_THREADS)) {
            assertTrue(!figures.containsKey(unknown), unknown + " is absent, not 0");
        }
    }

    @Test
    void aServerElsewhereHasNoServerFiguresAtAll() throws Exception {
        Map<String, Double> figures = measure(ServerUnderTest.attach("127.0.0.1/websocket="
                + real.port(Transport.WEBSOCKET), Engine.NETTY));
        assertEquals(List.of(), figures.keySet().stream().filter(n -> n.startsWith("server.")).toList());
        assertTrue(figures.get(DELIVERIES) > 0, "the members were measured");
    }

    @Test
    void anAdminPortReportingAnotherEngineIsRefused() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerUnderTest.attach(real.adminAddress(), Engine.JETTY));
        assertTrue(e.getMessage().contains("reports engine \"netty\""), e.getMessage());
        assertEquals("netty", ServerUnderTest.attach(real.adminAddress(), Engine.NETTY).engine());
    }

    /** A second of a small WebSocket FanOut against {@code server}: the window's figures by name. */
    private static Map<String, Double> measure(ServerUnderTest server) throws Exception {
        String room = "foreign-" + Long.toHexString(System.nanoTime());
        LoadSpec spec = new LoadSpec(Transport.WEBSOCKET, MEMBERS, 20, 64, 1000, 0, HeaderProfile.MINIMAL, room);
        ClientTarget target = new ClientTarget(server.host(), server.port(Transport.WEBSOCKET), room,
                HeaderProfile.MINIMAL);
        try (ClientLoop loop = new ClientLoop(1); ChatLoad load = new ChatLoad(spec, target, loop)) {
            MeasurementWindow.Baseline baseline = MeasurementWindow.Baseline.of(server.probe()
                    .metrics(Transport.WEBSOCKET, true));
            load.connect(Duration.ofSeconds(30));
            load.startSending();
            MeasurementWindow window = MeasurementWindow.open(load, server, baseline);
            Thread.sleep(1000);
            MeasurementWindow.Result result = window.close(true);
            load.stopAndVerify(Duration.ofSeconds(30));
            return result.figures().stream().collect(Collectors.toMap(Figure::name, Figure::value));
        }
    }
}
