package org.pushbench.jetty;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.StaticException;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.util.thread.SerializedInvoker;

import org.pushbench.transport.sse.EventStream;
import org.pushbench.transport.sse.EventWriter;

/**
 * The body of one event-stream response on Jetty. Jetty takes one write of a response at a time, so events wait
 * in a queue and go out one chunk each, the next when the previous one completes: the same chunks as the Netty
 * engine writes. The store's wake-ups, the timer, write completions and the connection's end come on different
 * threads; every change runs through one {@link SerializedInvoker}, as on an event loop. Writability: at most
 * {@link RoomStreamEndpoint#HIGH_WATER} bytes wait; beyond, unwritable until they drain below
 * {@link RoomStreamEndpoint#LOW_WATER} (Netty's write-buffer marks).
 *
 * <p>Jetty does not read a connection while its request is being handled, so a {@link ReadInterest} reports a
 * client that leaves (or, against the protocol, sends more): either ends the stream at once, not at its next
 * write.
 */
final class JettyEventWriter implements EventWriter {

    private static final Throwable GONE = new StaticException("the client left or spoke on a one-way stream");
    private static final Throwable UNDRAINED = new StaticException("the stream's last bytes were not taken");

    private final SerializedInvoker serially = new SerializedInvoker(JettyEventWriter.class);
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Scheduler scheduler;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private final ReadInterest readInterest;
    private EventStream stream;
    private long queuedBytes;
    private boolean writing;
    private boolean paused;
    private boolean ending;
    private boolean done;

    JettyEventWriter(Request request, Response response, Callback callback, Scheduler scheduler) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.scheduler = scheduler;
        this.readInterest = ReadInterest.of(request);
    }

    /** Opens the stream made for this writer, given its serial executor. */
    void start(Function<Executor, EventStream> streamOn) {
        stream = streamOn.apply(serially::run);
        request.addFailureListener(failure -> serially.run(() -> fail(failure)));
        readInterest.register(() -> serially.run(() -> fail(GONE)));
        serially.run(stream::open);
    }

    @Override
    public void write(byte[] event) {
        if (done) {
            return;
        }
        queue.add(ByteBuffer.wrap(event));
        queuedBytes += event.length;
        paused |= queuedBytes >= RoomStreamEndpoint.HIGH_WATER;
    }

    @Override
    public void flush() {
        if (writing || done) {
            return;
        }
        ByteBuffer next = queue.poll();
        if (next == null) {
            if (ending) {
                finish();
            }
            return;
        }
        writing = true;
        int size = next.remaining();
        response.write(false, next, Callback.from(() -> serially.run(() -> written(size)),
                failure -> serially.run(() -> fail(failure))));
    }

    private void written(int size) {
        writing = false;
        queuedBytes -= size;
        if (paused && queuedBytes <= RoomStreamEndpoint.LOW_WATER) {
            paused = false;
            stream.resume();
        }
        flush();
    }

    @Override
    public boolean writable() {
        return !paused && !ending && !done;
    }

    @Override
    public void end() {
        ending = true;
        flush();
        scheduler.schedule(() -> serially.run(() -> fail(UNDRAINED)), EventStream.CLOSE_GRACE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The last chunk, then the connection closes: the stream was its only use. */
    private void finish() {
        done = true;
        readInterest.withdraw();
        stream.connectionClosed();
        response.write(true, BufferUtil.EMPTY_BUFFER, Callback.from(() -> {
            callback.succeeded();
            ChatEndPoint.of(request).close();
        }, callback::failed));
    }

    private void fail(Throwable cause) {
        if (done) {
            return;
        }
        done = true;
        queue.clear();
        stream.connectionClosed();
        callback.failed(cause);
    }
}
