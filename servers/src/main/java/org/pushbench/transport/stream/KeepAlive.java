package org.pushbench.transport.stream;

import java.time.Duration;

import org.pushbench.transport.TaskTimer;

/**
 * Keep-alive policy of a push stream: a probe every interval (a WebSocket ping, an SSE comment), and — when the
 * peer can answer — the stream closed ({@link StreamClose#PONG_TIMEOUT}) if nothing at all, pong or any other
 * frame, arrived within the timeout after a probe. Counting any frame, not just pongs, means a busy client is never
 * cut for a pong stuck behind its messages. Thread-safe: the timer, the engine's reads and close may race.
 */
public final class KeepAlive {

    /** What the engine does for the policy. */
    public interface Peer {
        /** Sends one probe. */
        void probe();

        /** The peer stayed silent past the timeout after a probe: close the stream. */
        void silent();
    }

    private final TaskTimer timer;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final Peer peer;
    private volatile long lastHeardNanos = System.nanoTime();
    private TaskTimer.Cancellable next;
    private boolean stopped;

    /** @param timeout how long to wait for a sign of life after a probe; {@code null} for a one-way stream */
    public KeepAlive(TaskTimer timer, Duration interval, Duration timeout, Peer peer) {
        this.timer = timer;
        this.intervalMillis = interval.toMillis();
        this.timeoutMillis = timeout == null ? -1 : timeout.toMillis();
        this.peer = peer;
    }

    /** Starts probing: called once the stream is open. */
    public synchronized void start() {
        if (!stopped) {
            next = timer.schedule(this::probe, intervalMillis);
        }
    }

    /** Something arrived from the peer. */
    public void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** Stops probing: the stream is closed. Idempotent. */
    public synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private synchronized void probe() {
        if (stopped) {
            return;
        }
        long sentAt = System.nanoTime();
        peer.probe();
        if (timeoutMillis >= 0) {
            timer.schedule(() -> {
                if (lastHeardNanos - sentAt < 0 && !isStopped()) {
                    peer.silent();
                }
            }, timeoutMillis);
        }
        next = timer.schedule(this::probe, intervalMillis);
    }

    private synchronized boolean isStopped() {
        return stopped;
    }
}
