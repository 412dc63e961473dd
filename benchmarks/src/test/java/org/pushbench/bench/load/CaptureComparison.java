package org.pushbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pushbench.bench.load.FigureNames.*;

import java.util.List;
import java.util.function.Predicate;

/**
 * A run's captured TCP segments on one server port, summed the ways the harness's counts are. The members'
 * segments are those with the server's end at the members' address (the kernel picks 127.0.0.1 as their own).
 */
final class CaptureComparison {

    private final int port;
    private final String membersHost;
    private final List<LoopbackCapture.Packet> segments;

    CaptureComparison(int port, String membersHost, List<LoopbackCapture.Packet> segments) {
        this.port = port;
        this.membersHost = membersHost;
        this.segments = segments;
    }

    /** Asserts the cut's counts, the window's figures and the run's connections equal the capture's. */
    void assertAgrees(QuietCut cut, MeasurementWindow.Result window, int members, long expectedDeliveries) {
        long toMembers = bytes(p -> p.srcPort() == port && p.srcHost().equals(membersHost));
        long fromMembers = bytes(p -> p.dstPort() == port && p.dstHost().equals(membersHost));
        String where = "port " + port + ": ";
        assertEquals(toMembers, cut.membersRead(), where + "bytes the members read");
        assertEquals(fromMembers, cut.membersWritten(), where + "bytes the members wrote");
        assertEquals(bytes(p -> p.srcPort() == port), cut.serverWritten(), where + "bytes the server wrote");
        assertEquals(bytes(p -> p.dstPort() == port), cut.serverRead(), where + "bytes the server read");

        double deliveries = figure(window, DELIVERIES);
        assertEquals(expectedDeliveries, (long) deliveries, where + "deliveries");
        assertEquals((toMembers + fromMembers) / deliveries, figure(window, BYTES_PER_DELIVERY), 0.0,
                where + "bytes per delivery");
        assertEquals(members, connections(p -> p.dstHost().equals(membersHost)), where + "member connections");
        assertEquals(connections(p -> true), (long) figure(window, SERVER_PEAK_CONNECTIONS),
                where + "the server's peak connections");
        System.out.printf("port %d: %d B to the members and %d B from them, as counted; TCP resent %d B%n", port,
                toMembers, fromMembers, segments.stream().mapToLong(LoopbackCapture.Packet::resent).sum());
    }

    private long bytes(Predicate<LoopbackCapture.Packet> which) {
        return segments.stream().filter(which).mapToLong(LoopbackCapture.Packet::payload).sum();
    }

    private long connections(Predicate<LoopbackCapture.Packet> which) {
        return segments.stream().filter(p -> p.opensConnection() && p.dstPort() == port).filter(which).count();
    }

    static double figure(MeasurementWindow.Result window, String name) {
        return window.figures().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the window has no " + name)).value();
    }
}
