package org.pushbench.bench.soak;

import java.util.ArrayList;
import java.util.List;

import org.pushbench.bench.load.ChatLoad;
import org.pushbench.bench.load.ServerSnapshot;
import org.pushbench.bench.meter.DeliveryCheck;
import org.pushbench.server.Transport;

/** What a soak measured, and whether it passed: every figure here was read off the clients or the server. */
final class SoakReport {

    private final SoakOptions options;
    private final List<String> deliveries = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private ServerSnapshot start;
    private ServerSnapshot end;
    private long faults;
    private List<ServerSnapshot> settled = List.of();

    SoakReport(SoakOptions options) {
        this.options = options;
    }

    void start(ServerSnapshot snapshot) {
        this.start = snapshot;
    }

    void end(ServerSnapshot snapshot) {
        this.end = snapshot;
        long growth = end.heapUsedBytes() - start.heapUsedBytes();
        if (growth > Soak.HEAP_GROWTH_BOUND) {
            failures.add("live heap grew by " + mib(growth) + " MiB, more than " + mib(Soak.HEAP_GROWTH_BOUND));
        }
        if (end.liveThreads() > Math.max(start.liveThreads() + Soak.THREAD_GROWTH_BOUND, Soak.THREAD_CEILING)) {
            failures.add("threads grew from " + start.liveThreads() + " to " + end.liveThreads());
        }
    }

    void faults(long injected) {
        this.faults = injected;
    }

    /** Stops the transport's publisher, waits for its members to catch up and checks every delivery. */
    void delivery(Transport transport, ChatLoad load) throws InterruptedException {
        String verdict = "ok";
        try {
            load.stopAndVerify(java.time.Duration.ofSeconds(30));
        } catch (IllegalStateException e) {
            verdict = e.getMessage();
            failures.add(transport.id() + ": " + e.getMessage());
        }
        DeliveryCheck check = load.recipients().check();
        deliveries.add(String.format("  %-13s sent %,9d  delivered %,11d  lost %d  duplicated %d  reordered %d  %s",
                transport.id(), load.sent(), load.recipients().counts().deliveries(), check.lost(),
                check.duplicated(), check.reordered(), verdict));
    }

    void settled(List<ServerSnapshot> afterClose) {
        this.settled = afterClose;
        for (ServerSnapshot s : afterClose) {
            if (s.openConnections() != 0 || s.heldRequests() != 0 || s.storeSubscribers() != 0) {
                failures.add("after every client left: " + s.openConnections() + " connections, "
                        + s.heldRequests() + " held requests, " + s.storeSubscribers() + " subscriptions remain");
            }
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    String text() {
        StringBuilder t = new StringBuilder();
        t.append(String.format("pushbench soak: %s engine, %s, %d members per transport, %d msg/s per room%n",
                options.engine().id(), options.duration(), options.clients(), options.rate()));
        t.append("faults injected: ").append(faults).append(" (held long polls reset, WebSockets dropped without a")
                .append(" close, WebSockets that never answer a ping, HTTP headers never finished)\n");
        t.append("messages:\n");
        deliveries.forEach(d -> t.append(d).append('\n'));
        if (start != null && end != null) {
            t.append(String.format("server live heap after GC: %.1f MiB at the start, %.1f MiB at the end (bound: +%d)%n",
                    mib(start.heapUsedBytes()), mib(end.heapUsedBytes()), (int) mib(Soak.HEAP_GROWTH_BOUND)));
            t.append(String.format("server threads: %d at the start, %d at the end (bound: +%d, or %d in all)%n",
                    start.liveThreads(), end.liveThreads(), Soak.THREAD_GROWTH_BOUND, Soak.THREAD_CEILING));
        }
        long open = settled.stream().mapToLong(ServerSnapshot::openConnections).sum();
        long held = settled.stream().mapToLong(ServerSnapshot::heldRequests).sum();
        long subscribers = settled.isEmpty() ? 0 : settled.get(0).storeSubscribers();
        t.append(String.format("after every client left: %d connections, %d held requests, %d subscriptions%n",
                open, held, subscribers));
        t.append(passed() ? "PASSED\n" : "FAILED:\n  " + String.join("\n  ", failures) + "\n");
        return t.toString();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
