package org.pushbench.bench.fleet;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.HdrHistogram.Histogram;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.Members;
import org.pushbench.bench.meter.DeliveryCheck;
import org.pushbench.bench.meter.LatencyRecorder;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.SendLog;
import org.pushbench.bench.meter.WireMeter;

/**
 * A run's members spread over member processes, each a JVM of its own with at most
 * {@link #MEMBERS_PER_PROCESS} members (one process here may hold 20,000 open files), bound to a loopback source
 * address of its own (127.0.0.2, 127.0.0.3, ...). Every process checks its members' deliveries itself; a reading
 * sums their counts and bytes and merges their latency histograms ({@link Histogram#add}: no sample lost).
 */
public final class MemberFleet implements Members {

    public static final int MEMBERS_PER_PROCESS = 19_000;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** Two processes' {@link System#nanoTime()} may differ by no more than this (a pipe's round trip). */
    private static final long CLOCK_TOLERANCE_NANOS = 50_000_000;

    private final List<MemberProcess> processes;
    private final BlockingQueue<long[]> sendTimes = new LinkedBlockingQueue<>();
    private final Thread forwarder = new Thread(this::forwardSendTimes, "pushbench-send-times");
    private long windowStartMillis = System.currentTimeMillis();

    private MemberFleet(List<MemberProcess> processes) {
        this.processes = processes;
    }

    /** The number of processes {@code clients} members need. */
    public static int processesFor(int clients) {
        return (clients + MEMBERS_PER_PROCESS - 1) / MEMBERS_PER_PROCESS;
    }

    /**
     * Starts one member process per target (process i connects to {@code targets.get(i)}), sharing
     * {@code spec.clients()} members out evenly, each with a heap of {@code heap}.
     */
    public static MemberFleet start(LoadSpec spec, List<ClientTarget> targets, String heap) throws IOException {
        int n = targets.size();
        List<MemberProcess> started = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                int share = spec.clients() / n + (i < spec.clients() % n ? 1 : 0);
                if (share > MEMBERS_PER_PROCESS) {
                    throw new IllegalArgumentException(share + " members in one process: more than "
                            + MEMBERS_PER_PROCESS);
                }
                started.add(MemberProcess.start(new MemberProtocol.Assignment(spec, share, targets.get(i),
                        "127.0.0." + (2 + i)), heap));
            }
            MemberFleet fleet = new MemberFleet(started);
            fleet.checkClocks();
            return fleet;
        } catch (RuntimeException | IOException e) {
            started.forEach(MemberProcess::close);
            throw e;
        }
    }

    /** Latency is taken across processes by {@link System#nanoTime()}: it must be one clock for all of them. */
    private void checkClocks() {
        for (MemberProcess p : processes) {
            long before = System.nanoTime();
            long theirs = Long.parseLong(p.call(MemberProtocol.CLOCK, CALL_TIMEOUT));
            long after = System.nanoTime();
            if (theirs < before - CLOCK_TOLERANCE_NANOS || theirs > after + CLOCK_TOLERANCE_NANOS) {
                throw new IllegalStateException("member process " + p.pid() + "'s System.nanoTime() is "
                        + (theirs - before) + " ns off this one's: latency cannot be taken across processes");
            }
        }
    }

    @Override
    public void connect(Duration timeout) {
        processes.forEach(p -> p.tell(MemberProtocol.CONNECT + " " + timeout.toMillis()));
        List<String> failures = new ArrayList<>();
        for (MemberProcess p : processes) {
            String answer = p.await(MemberProtocol.CONNECT, timeout.plus(CALL_TIMEOUT));
            if (!answer.equals("ok")) {
                failures.add("member process " + p.pid() + ": " + answer);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("members did not connect: " + failures);
        }
    }

    /** Passes the schedule on, then every send time as it is logged, from a thread of its own. */
    @Override
    public void follow(SendLog log) {
        processes.forEach(p -> p.tell(MemberProtocol.SCHEDULE + " " + log.originNanos() + " " + log.periodNanos()));
        log.listen((stamp, nanoTime) -> sendTimes.add(new long[] {stamp, nanoTime}));
        forwarder.setDaemon(true);
        forwarder.start();
    }

    private void forwardSendTimes() {
        try {
            while (true) {
                long[] sent = sendTimes.take();
                String line = MemberProtocol.SENT + " " + sent[0] + " " + sent[1];
                processes.forEach(p -> p.tell(line));
            }
        } catch (InterruptedException | RuntimeException e) {
            // the fleet closed
        }
    }

    @Override
    public synchronized Reading read() {
        RecipientMeters.Counts counts = new RecipientMeters.Counts(0, 0, 0, 0);
        WireMeter.Snapshot wire = null;
        Histogram corrected = LatencyRecorder.emptyHistogram();
        Histogram uncorrected = LatencyRecorder.emptyHistogram();
        for (MemberProcess p : processes) {
            Reading r = MemberProtocol.parseReading(p.call(MemberProtocol.READ, CALL_TIMEOUT));
            counts = counts.plus(r.counts());
            wire = wire == null ? r.wire() : wire.plus(r.wire());
            corrected.add(r.latency().corrected());
            uncorrected.add(r.latency().uncorrected());
        }
        long now = System.currentTimeMillis();
        for (Histogram h : List.of(corrected, uncorrected)) {
            h.setStartTimeStamp(windowStartMillis);
            h.setEndTimeStamp(now);
        }
        windowStartMillis = now;
        return new Reading(counts, wire, new LatencyRecorder.Window(corrected, uncorrected));
    }

    @Override
    public long deliveries() {
        return processes.stream().mapToLong(MemberProcess::deliveries).sum();
    }

    @Override
    public long wireBytes() {
        return processes.stream().mapToLong(MemberProcess::wireBytes).sum();
    }

    @Override
    public boolean allReached(long lastId) {
        return processes.stream().allMatch(p -> Boolean.parseBoolean(p.call(MemberProtocol.REACHED + " " + lastId,
                CALL_TIMEOUT)));
    }

    /** Each process checks its own members; any lost, duplicated or reordered message fails the run. */
    @Override
    public void verify(long lastId) {
        List<String> lost = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (MemberProcess p : processes) {
            String answer = p.call(MemberProtocol.VERIFY + " " + lastId, CALL_TIMEOUT);
            if (answer.startsWith(MemberProtocol.LOST + " ")) {
                lost.add("member process " + p.pid() + ": " + answer.substring(MemberProtocol.LOST.length() + 1));
            } else if (!answer.equals("ok")) {
                failed.add("member process " + p.pid() + ": " + answer);
            }
        }
        if (!lost.isEmpty()) {
            throw new DeliveryCheck.DeliveryFailure(String.join("; ", lost));
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(String.join("; ", failed));
        }
    }

    /** The member processes' ids (for their CPU time and memory). */
    public List<Long> pids() {
        return processes.stream().map(MemberProcess::pid).toList();
    }

    @Override
    public void close() {
        forwarder.interrupt();
        processes.parallelStream().forEach(MemberProcess::close);
    }
}
