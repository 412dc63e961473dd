package org.pushbench.bench.load;

import java.time.Duration;

import org.pushbench.bench.meter.LatencyRecorder;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.SendLog;
import org.pushbench.bench.meter.WireMeter;

/**
 * The receiving members of one run and their meters, wherever they live: in this process ({@link LocalMembers})
 * or spread over member processes of their own ({@link org.pushbench.bench.fleet.MemberFleet}).
 */
public interface Members extends AutoCloseable {

    /** Connects every member; returns once all are connected. */
    void connect(Duration timeout) throws Exception;

    /** Deliveries carry stamps of {@code log}'s schedule; from now on they are timed against it. */
    void follow(SendLog log);

    /** The members' counts and bytes so far, and their latency samples since the previous reading. */
    Reading read();

    /** Deliveries so far; cheap to call often (a member process reports it every few milliseconds). */
    long deliveries();

    /** Wire bytes so far, as cheap as {@link #deliveries()}. */
    long wireBytes();

    /** Whether every member still in the room has message {@code lastId}. */
    boolean allReached(long lastId);

    /** Fails when a member lost, duplicated or reordered a message, is short of {@code lastId}, or saw an error. */
    void verify(long lastId);

    @Override
    void close();

    /** The members' figures at one moment. */
    record Reading(RecipientMeters.Counts counts, WireMeter.Snapshot wire, LatencyRecorder.Window latency) {
    }
}
