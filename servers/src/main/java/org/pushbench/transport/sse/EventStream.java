package org.pushbench.transport.sse;

import java.time.Duration;
import java.util.concurrent.Executor;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.transport.TaskTimer;
import org.pushbench.transport.stream.EventSink;
import org.pushbench.transport.stream.KeepAlive;
import org.pushbench.transport.stream.RoomStream;
import org.pushbench.transport.stream.StreamClose;

/**
 * One Server-Sent Events member, after its response head: the {@code retry:} field once, then the core's
 * {@link RoomStream} (backlog, then live; the same flow control and slow-consumer rule as WebSocket) written as
 * {@link EventFormat} events, and a keep-alive comment every interval. One-way: nothing the client could send
 * is a sign of life, so the keep-alive only probes; a client that is gone shows when the engine sees the
 * connection close.
 *
 * <p>Every method runs on the connection's serial executor; the keep-alive's timer ticks are moved there.
 */
public final class EventStream implements EventSink {

    /** How long a stream the server ends may take to deliver its last bytes before the socket is closed. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final EventWriter writer;
    private final RoomStream room;
    private final KeepAlive keepAlive;
    private final long retryMillis;
    private final long after;

    public EventStream(MessageStore store, TransportMetrics metrics, EventsRoute.Opening opening, Executor serial,
            TaskTimer timer, ServerConfig config, EventWriter writer) {
        this.writer = writer;
        this.room = new RoomStream(store, metrics, opening.target(), serial, this);
        this.retryMillis = config.eventRetry().toMillis();
        this.after = opening.after();
        this.keepAlive = new KeepAlive(timer, config.eventKeepAlive(), null, new KeepAlive.Peer() {
            @Override
            public void probe() {
                serial.execute(() -> {
                    writer.write(EventFormat.KEEPALIVE);
                    writer.flush();
                });
            }

            @Override
            public void silent() {
                // never called: a one-way stream has no timeout
            }
        });
    }

    /** Writes the retry field and the backlog, then streams live: called once the response head is queued. */
    public void open() {
        writer.write(EventFormat.retry(retryMillis));
        keepAlive.start();
        room.open(after);
    }

    /** The writer drained below its low-water mark: catch up. */
    public void resume() {
        room.resume();
    }

    /** The connection is gone (or going): drop the subscription and the keep-alive. Idempotent. */
    public void connectionClosed() {
        keepAlive.stop();
        room.close();
    }

    @Override
    public void message(long id, byte[] json) {
        writer.write(EventFormat.message(id, json));
    }

    @Override
    public void gap(byte[] json) {
        writer.write(EventFormat.gap(json));
    }

    @Override
    public void flush() {
        writer.flush();
    }

    @Override
    public boolean writable() {
        return writer.writable();
    }

    /** The stream ends from the server's side: a comment saying why (SSE has no close codes), then the end. */
    @Override
    public void close(StreamClose why) {
        keepAlive.stop();
        writer.write(EventFormat.comment("closed: " + why.reason()));
        writer.end();
    }
}
