package org.pushbench.bench.load;

import static org.pushbench.bench.load.FigureNames.*;

import java.util.List;

/**
 * The server's side of a window's figures, each only where the server's probe could read it: a server without an
 * admin port has no connection counts or heap, one elsewhere not even CPU, and an absent figure is left out
 * rather than reported as 0.
 */
final class ServerFigures {

    private ServerFigures() {
    }

    static void add(List<Figure> figures, ServerUnderTest server, MeasurementWindow.Baseline baseline,
            ServerSnapshot start, ServerSnapshot end, long deliveries, int clients, double seconds, boolean memory) {
        if (present(start.cpuTimeNanos(), end.cpuTimeNanos())) {
            long cpu = end.cpuTimeNanos() - start.cpuTimeNanos();
            if (deliveries > 0) {
                figures.add(new Figure(SERVER_CPU_PER_DELIVERY, (double) cpu / deliveries, "ns/msg"));
            }
            figures.add(new Figure(SERVER_CPU, cpu / seconds / 1e9, "cores"));
        }
        if (present(end.peakConnections())) {
            figures.add(new Figure(SERVER_PEAK_CONNECTIONS, end.peakConnections(), "conns"));
        }
        if (present(end.peakHeldRequests())) {
            figures.add(new Figure(SERVER_PEAK_HELD, end.peakHeldRequests(), "reqs"));
        }
        if (present(end.liveThreads())) {
            figures.add(new Figure(SERVER_THREADS, end.liveThreads(), "threads"));
        }
        if (server.osThreads() >= 0) {
            figures.add(new Figure(SERVER_OS_THREADS, server.osThreads(), "threads"));
        }
        if (server.osSockets() >= 0) {
            figures.add(new Figure(SERVER_OS_SOCKETS, server.osSockets(), "sockets"));
        }
        if (present(end.residentBytes(), baseline.residentBytes())) {
            figures.add(new Figure(SERVER_RSS_GROWTH_PER_CLIENT,
                    (double) (end.residentBytes() - baseline.residentBytes()) / clients, "B"));
        }
        if (memory && present(end.heapUsedBytes(), baseline.heapBytes())) {
            figures.add(new Figure(SERVER_HEAP_PER_CLIENT, (double) (end.heapUsedBytes() - baseline.heapBytes())
                    / clients, "B"));
        }
        if (memory && present(end.directBytes(), baseline.directBytes())) {
            figures.add(new Figure(SERVER_DIRECT_PER_CLIENT, (double) (end.directBytes() - baseline.directBytes())
                    / clients, "B"));
        }
    }

    private static boolean present(long... values) {
        for (long v : values) {
            if (v == ServerSnapshot.ABSENT) {
                return false;
            }
        }
        return true;
    }
}
