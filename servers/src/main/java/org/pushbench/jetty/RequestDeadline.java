package org.pushbench.jetty;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes an HTTP connection that does not deliver a whole request within the idle timeout of connecting or of its
 * last answer. One rule for idle keep-alive connections and slowloris clients alike (a header dribbled a byte at a
 * time resets Jetty's own idle timeout, never this one). The clock stops while a request is being answered, so a
 * held long poll is never cut, and for good once a connection is upgraded to WebSocket.
 */
public final class RequestDeadline {

    private final Scheduler scheduler;
    private final long timeoutMillis;
    private final EndPoint endPoint;
    private Scheduler.Task pending;

    RequestDeadline(Scheduler scheduler, Duration timeout, EndPoint endPoint) {
        this.scheduler = scheduler;
        this.timeoutMillis = timeout.toMillis();
        this.endPoint = endPoint;
    }

    /** The deadline of the connection a request arrived on. */
    public static RequestDeadline of(Request request) {
        return ChatEndPoint.of(request).deadline();
    }

    /** Starts the clock again: the connection was opened or a request answered. */
    public synchronized void restart() {
        stop();
        pending = scheduler.schedule(endPoint::close, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the clock: a whole request arrived, or the connection is gone. */
    public synchronized void stop() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
