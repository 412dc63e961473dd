package org.pushbench.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.util.thread.SerializedInvoker;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.ChatJson;
import org.pushbench.protocol.SentMessage;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.Message;
import org.pushbench.store.MessageStore;
import org.pushbench.store.ReadResult;
import org.pushbench.store.RoomCursor;
import org.pushbench.store.StoreFullException;
import org.pushbench.store.Subscription;
import org.pushbench.transport.http.RequestTarget;

/**
 * One member of a room: pushes every message of the room as one text frame, in id order, and appends the messages
 * the client sends.
 *
 * <p>The store's wake-ups, Jetty's frame events and write completions come on different threads; every change of
 * the stream's state runs through one {@link SerializedInvoker}, so they take turns as on an event loop, without
 * a thread of their own.
 *
 * <p>Flow control: at most {@link #HIGH_WATER} bytes of frames wait in Jetty's queue; beyond that the stream pauses
 * until the queue drains below {@link #LOW_WATER} (Netty's write-buffer marks). Messages not written yet stay in
 * the store and the {@link RoomCursor} catches up; a client so slow that it falls a whole retention behind is closed
 * with 1013. So one slow reader costs at most its queue, never an unbounded one.
 *
 * <p>Public because Jetty binds the listener methods by reflection.
 */
public final class RoomStreamEndpoint implements Session.Listener.AutoDemanding {

    static final long HIGH_WATER = 1024 * 1024;
    static final long LOW_WATER = 64 * 1024;
    private static final int CATCH_UP_BATCH = 16;
    /** How long a closing peer may take to read our close frame before the socket is closed under it. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final SerializedInvoker serially = new SerializedInvoker(RoomStreamEndpoint.class);
    private final MessageStore store;
    private final TransportMetrics metrics;
    private final RequestTarget route;
    private final Scheduler scheduler;
    private final KeepAlive keepAlive;
    private Session session;
    private RoomCursor cursor;
    private Subscription subscription;
    private long queuedBytes;
    private boolean paused;
    private boolean closing;

    RoomStreamEndpoint(MessageStore store, TransportMetrics metrics, RequestTarget route, Scheduler scheduler,
            ServerConfig config) {
        this.store = store;
        this.metrics = metrics;
        this.route = route;
        this.scheduler = scheduler;
        this.keepAlive = new KeepAlive(scheduler, config.pingInterval(), config.pongTimeout(),
                () -> serially.run(() -> close(StatusCode.POLICY_VIOLATION, "pong timeout")));
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        keepAlive.start(session);
        serially.run(() -> {
            try {
                subscription = store.subscribe(route.room(), message -> serially.run(() -> onAppend(message)));
            } catch (StoreFullException e) {
                close(StatusCode.TRY_AGAIN_LATER, "the server holds its maximum of rooms");
                return;
            }
            long after = route.afterGiven() ? route.after() : store.lastId(route.room());
            cursor = new RoomCursor(store, route.room(), after);
            deliver();
        });
    }

    private void onAppend(Message message) {
        if (cursor == null || closing) {
            return;
        }
        if (paused) {
            if (message.id() - cursor.position() > store.retention()) {
                close(StatusCode.TRY_AGAIN_LATER, "slow consumer: fell a whole retention behind");
            }
            return;
        }
        if (message.id() == cursor.position() + 1) {
            send(cursor.position(), cursor.next(message));
        } else {
            deliver();
        }
    }

    /** Sends what the cursor has not delivered yet, until caught up or the queue is full. */
    private void deliver() {
        while (!paused && !closing) {
            long after = cursor.position();
            ReadResult batch = cursor.catchUp(CATCH_UP_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            send(after, batch);
        }
    }

    /** Writes a batch read after cursor position {@code after}, preceded by a gap frame if part is gone. */
    private void send(long after, ReadResult result) {
        if (result.gap()) {
            write(ChatJson.gap(after, result.oldestRetained()));
        }
        for (Message m : result.messages()) {
            write(m.json());
        }
        metrics.messagesDelivered(result.messages().size());
    }

    private void write(byte[] json) {
        int size = json.length;
        queuedBytes += size;
        paused = queuedBytes >= HIGH_WATER;
        Runnable written = () -> serially.run(() -> onWritten(size));
        session.sendText(new String(json, StandardCharsets.UTF_8), Callback.from(written, failure -> written.run()));
    }

    private void onWritten(int size) {
        queuedBytes -= size;
        if (paused && queuedBytes <= LOW_WATER) {
            paused = false;
            deliver();
        }
    }

    @Override
    public void onWebSocketText(String text) {
        keepAlive.heard();
        byte[] answer;
        try {
            SentMessage sent = ChatJson.parseSent(text.getBytes(StandardCharsets.UTF_8));
            store.append(route.room(), sent.from(), sent.text(), sent.stamp());
            metrics.messageAppended();
            return;
        } catch (ChatError e) {
            answer = e.toJson();
        } catch (StoreFullException e) {
            answer = ChatError.unavailable(e.getMessage()).toJson();
        }
        byte[] error = answer;
        serially.run(() -> write(error));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        keepAlive.heard();
        callback.succeed();
        serially.run(() -> close(StatusCode.BAD_DATA, "this chat speaks text frames only"));
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        keepAlive.heard();
        session.sendPong(payload, Callback.NOOP);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        keepAlive.heard();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        release();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        release();
    }

    private void release() {
        keepAlive.stop();
        serially.run(() -> {
            closing = true;
            if (subscription != null) {
                subscription.close();
            }
        });
    }

    /** Sends a close frame; a peer that does not let it through within the grace period is disconnected. */
    private void close(int code, String reason) {
        closing = true;
        session.close(code, reason, Callback.NOOP);
        scheduler.schedule(session::disconnect, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
