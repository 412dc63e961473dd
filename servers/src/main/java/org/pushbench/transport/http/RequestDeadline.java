package org.pushbench.transport.http;

import java.time.Duration;

import org.pushbench.transport.TaskTimer;

/**
 * The rule against idle and slowloris connections, for every engine: an HTTP connection that does not deliver a
 * whole request within the idle timeout of connecting or of its last answer is closed. Headers dribbled a byte at
 * a time keep a connection busy, never idle, so only this clock catches them. It stops while any request is being
 * answered, so a held long poll is never cut, and for good once a connection is upgraded or streams. Thread-safe.
 */
public final class RequestDeadline {

    private final TaskTimer timer;
    private final long timeoutMillis;
    private final Runnable close;
    private int unanswered;
    private TaskTimer.Cancellable pending;

    /** @param close closes the connection when the deadline passes */
    public RequestDeadline(TaskTimer timer, Duration timeout, Runnable close) {
        this.timer = timer;
        this.timeoutMillis = timeout.toMillis();
        this.close = close;
    }

    /** The connection opened: the first request is due. */
    public synchronized void opened() {
        restart();
    }

    /** A whole request arrived: no deadline until it is answered (pipelined ones counted). */
    public synchronized void requestArrived() {
        unanswered++;
        stop();
    }

    /** A request was answered: once none is left, the next is due. */
    public synchronized void answered() {
        unanswered = Math.max(0, unanswered - 1);
        if (unanswered == 0) {
            restart();
        }
    }

    /** The connection closed, or no longer speaks HTTP requests (upgraded, streaming). */
    public synchronized void stop() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void restart() {
        stop();
        pending = timer.schedule(close, timeoutMillis);
    }
}
