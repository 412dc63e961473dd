package org.pushbench.jetty;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Detects dead peers: sends a ping every interval and reports a connection from which no frame at all — pong or any
 * other — arrived within the pong timeout after it. Counting any frame, not just pongs, means a busy client is never
 * cut for a pong stuck behind its messages.
 */
final class KeepAlive {

    private final Scheduler scheduler;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final Runnable onSilence;
    private volatile long lastHeardNanos = System.nanoTime();
    private Session session;
    private Scheduler.Task nextPing;

    KeepAlive(Scheduler scheduler, Duration interval, Duration timeout, Runnable onSilence) {
        this.scheduler = scheduler;
        this.intervalMillis = interval.toMillis();
        this.timeoutMillis = timeout.toMillis();
        this.onSilence = onSilence;
    }

    synchronized void start(Session session) {
        this.session = session;
        nextPing = scheduler.schedule(this::ping, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** A frame arrived from the peer. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    synchronized void stop() {
        if (nextPing != null) {
            nextPing.cancel();
            nextPing = null;
        }
    }

    private synchronized void ping() {
        if (nextPing == null) {
            return;
        }
        long sentAt = System.nanoTime();
        session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        scheduler.schedule(() -> {
            if (lastHeardNanos - sentAt < 0 && session.isOpen()) {
                onSilence.run();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        nextPing = scheduler.schedule(this::ping, intervalMillis, TimeUnit.MILLISECONDS);
    }
}
