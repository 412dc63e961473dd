package org.pushbench.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.pushbench.bench.load.MeasurementWindow;

/**
 * What the members counted in the current window, as JMH auxiliary counters: a plain run, without any
 * {@code -prof}, reports them beside the primary score (summed over the measured iterations). Latency
 * percentiles and the server's figures still need {@link WindowProfiler}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class WindowCounters {

    /** Messages the members parsed. */
    public long messagesDelivered;
    /** Polling requests the members sent (0 for WebSocket). */
    public long pollRequests;
    /** Polling answers that carried no message. */
    public long emptyAnswers;
    /** Answers a healthy run does not produce (error statuses, unexpected closes); any fails the trial. */
    public long clientErrors;
    /** Bytes at the members' sockets, both directions, headers and control frames included. */
    public long socketBytes;

    @Setup(Level.Iteration)
    public void clear() {
        messagesDelivered = 0;
        pollRequests = 0;
        emptyAnswers = 0;
        clientErrors = 0;
        socketBytes = 0;
    }

    void show(MeasurementWindow.Progress p) {
        messagesDelivered = p.deliveries();
        pollRequests = p.requests();
        emptyAnswers = p.emptyResponses();
        clientErrors = p.errors();
        socketBytes = p.bytes();
    }
}
