package org.pushbench.transport.stream;

import java.util.concurrent.Executor;

import org.pushbench.protocol.ChatJson;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.Message;
import org.pushbench.store.MessageStore;
import org.pushbench.store.ReadResult;
import org.pushbench.store.RoomCursor;
import org.pushbench.store.StoreFullException;
import org.pushbench.store.Subscription;
import org.pushbench.transport.http.RequestTarget;

/**
 * One member of a room on a push transport: streams every message of the room to an {@link EventSink}, in id
 * order, with no loss and no duplicates, starting after the client's cursor (the backlog) or at the newest message.
 *
 * <p>Flow control: it writes only while the sink is writable. Messages it could not write yet stay in the store,
 * and the {@link RoomCursor} catches up in small batches when the sink drains; a client so slow that it falls a
 * whole retention behind is closed ({@link StreamClose#SLOW_CONSUMER}) rather than given a gap. So one slow reader
 * costs at most its engine's write buffer, never an unbounded queue. A reader that asked for a cursor older than
 * the retention gets the gap notice, then what is retained.
 *
 * <p>Every method but {@link #onAppend} runs on the connection's serial executor; the store's wake-ups are moved
 * there.
 */
public final class RoomStream {

    private static final int CATCH_UP_BATCH = 16;

    private final MessageStore store;
    private final TransportMetrics metrics;
    private final RequestTarget target;
    private final Executor serial;
    private final EventSink sink;
    private RoomCursor cursor;
    private Subscription subscription;
    private boolean closed;

    public RoomStream(MessageStore store, TransportMetrics metrics, RequestTarget target, Executor serial,
            EventSink sink) {
        this.store = store;
        this.metrics = metrics;
        this.target = target;
        this.serial = serial;
        this.sink = sink;
    }

    /**
     * Subscribes, then sends the backlog after the cursor: subscribing first means an append between the two is
     * announced, and the cursor drops what the backlog already carried.
     *
     * @param after the client's cursor; {@code -1} to start at the room's newest message
     */
    public void open(long after) {
        try {
            subscription = store.subscribe(target.room(), message -> serial.execute(() -> onAppend(message)));
        } catch (StoreFullException e) {
            end(StreamClose.ROOMS_FULL);
            return;
        }
        cursor = new RoomCursor(store, target.room(), after < 0 ? store.lastId(target.room()) : after);
        deliverWhileWritable();
    }

    /** The last id sent. */
    public long position() {
        return cursor == null ? 0 : cursor.position();
    }

    private void onAppend(Message message) {
        if (closed || cursor == null) {
            return;
        }
        if (!sink.writable()) {
            if (message.id() - cursor.position() > store.retention()) {
                end(StreamClose.SLOW_CONSUMER);
            }
            return;
        }
        if (message.id() == cursor.position() + 1) {
            send(cursor.position(), cursor.next(message));
            sink.flush();
        } else {
            deliverWhileWritable();
        }
    }

    /** The sink drained below its low-water mark: catch up. */
    public void resume() {
        if (!closed && cursor != null) {
            deliverWhileWritable();
        }
    }

    /** The connection is gone (or going): drop the subscription. Idempotent. */
    public void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
    }

    private void deliverWhileWritable() {
        while (!closed && sink.writable()) {
            long after = cursor.position();
            ReadResult batch = cursor.catchUp(CATCH_UP_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            send(after, batch);
        }
        sink.flush();
    }

    /** Writes a batch read after cursor position {@code after}, preceded by the gap notice if part is gone. */
    private void send(long after, ReadResult result) {
        if (result.gap()) {
            sink.gap(ChatJson.gap(after, result.oldestRetained()));
        }
        for (Message m : result.messages()) {
            sink.message(m.id(), m.json());
        }
        metrics.messagesDelivered(result.messages().size());
    }

    private void end(StreamClose why) {
        close();
        sink.close(why);
    }
}
