package org.pushbench.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.util.thread.SerializedInvoker;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.transport.http.RequestTarget;
import org.pushbench.transport.stream.EventSink;
import org.pushbench.transport.stream.KeepAlive;
import org.pushbench.transport.stream.RoomStream;
import org.pushbench.transport.stream.StreamClose;
import org.pushbench.transport.websocket.InboundMessages;

/**
 * The WebSocket adapter of one member: runs the core's {@link RoomStream} with this endpoint as its
 * {@link EventSink} (one text frame per event), the core's {@link KeepAlive}, and hands the client's text messages
 * to the core's {@link InboundMessages}.
 *
 * <p>The store's wake-ups, Jetty's frame events and write completions come on different threads; every change of
 * the stream's state runs through one {@link SerializedInvoker}, so they take turns as on an event loop. The
 * writability signal: at most {@link #HIGH_WATER} bytes of frames wait in Jetty's queue; beyond that the sink is
 * unwritable until the queue drains below {@link #LOW_WATER} (Netty's write-buffer marks).
 *
 * <p>Public because Jetty binds the listener methods by reflection.
 */
public final class RoomStreamEndpoint implements Session.Listener.AutoDemanding, EventSink {

    static final long HIGH_WATER = 1024 * 1024;
    static final long LOW_WATER = 64 * 1024;
    /** How long a closing peer may take to read our close frame before the socket is closed under it. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final SerializedInvoker serially = new SerializedInvoker(RoomStreamEndpoint.class);
    private final Scheduler scheduler;
    private final RoomStream stream;
    private final InboundMessages inbound;
    private final KeepAlive keepAlive;
    private final long after;
    private Session session;
    private CoreSession frames;
    private long queuedBytes;
    private boolean paused;
    private boolean closing;

    RoomStreamEndpoint(MessageStore store, TransportMetrics metrics, RequestTarget target, Scheduler scheduler,
            ServerConfig config) {
        this.scheduler = scheduler;
        this.stream = new RoomStream(store, metrics, target, serially::run, this);
        this.inbound = new InboundMessages(store, metrics, target.room());
        this.after = target.afterGiven() ? target.after() : -1;
        this.keepAlive = new KeepAlive(SchedulerTimer.on(scheduler), config.pingInterval(), config.pongTimeout(), new KeepAlive.Peer() {
            @Override
            public void probe() {
                session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            }

            @Override
            public void silent() {
                serially.run(() -> close(StreamClose.PONG_TIMEOUT));
            }
        });
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.frames = ((WebSocketSession) session).getCoreSession();
        keepAlive.start();
        serially.run(() -> stream.open(after));
    }

    @Override
    public void message(long id, byte[] json) {
        write(json);
    }

    @Override
    public void gap(byte[] json) {
        write(json);
    }

    @Override
    public void flush() {
        // Jetty sends each frame as it is queued.
    }

    @Override
    public boolean writable() {
        return !paused && !closing;
    }

    private void write(byte[] json) {
        int size = json.length;
        queuedBytes += size;
        paused = queuedBytes >= HIGH_WATER;
        Runnable written = () -> serially.run(() -> onWritten(size));
        // The store's UTF-8 bytes go out as they are: Session.sendText would decode them into a String and the
        // frame encode that String again, for every member. Each member wraps the shared array in its own buffer.
        frames.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(json)),
                org.eclipse.jetty.util.Callback.from(written, failure -> written.run()), false);
    }

    private void onWritten(int size) {
        queuedBytes -= size;
        if (paused && queuedBytes <= LOW_WATER) {
            paused = false;
            stream.resume();
        }
    }

    @Override
    public void onWebSocketText(String text) {
        keepAlive.heard();
        byte[] error = inbound.append(text.getBytes(StandardCharsets.UTF_8));
        if (error != null) {
            serially.run(() -> write(error));
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        keepAlive.heard();
        callback.succeed();
        serially.run(() -> close(StreamClose.BINARY));
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
            stream.close();
        });
    }

    /** Sends a close frame; a peer that does not let it through within the grace period is disconnected. */
    @Override
    public void close(StreamClose why) {
        closing = true;
        session.close(why.code(), why.reason(), Callback.NOOP);
        scheduler.schedule(session::disconnect, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
