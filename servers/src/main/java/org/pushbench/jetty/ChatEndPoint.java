package org.pushbench.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.thread.Scheduler;

import org.pushbench.server.DemoConnection;
import org.pushbench.server.TransportMetrics;
import org.pushbench.transport.http.RequestDeadline;

/**
 * One accepted socket: counts every byte read from it and written to it (request and response heads, handshakes,
 * frame headers and control frames included), and owns the connection's {@link RequestDeadline}. A classroom
 * demo's server uses {@link DemoEndPoint}, which also counts per demo client.
 */
public class ChatEndPoint extends SocketChannelEndPoint {

    private final TransportMetrics metrics;
    private final RequestDeadline deadline;
    private ByteBuffer readAhead;

    ChatEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler,
            TransportMetrics metrics, Duration idleTimeout) {
        super(channel, selector, key, scheduler);
        this.metrics = metrics;
        this.deadline = new RequestDeadline(SchedulerTimer.on(scheduler), idleTimeout, this::close);
    }

    /** The socket a request arrived on, below TLS when the connection has it. */
    public static ChatEndPoint of(Request request) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        while (endPoint instanceof EndPoint.Wrapper wrapper) {
            endPoint = wrapper.unwrap();
        }
        return (ChatEndPoint) endPoint;
    }

    /** The request deadline of the connection a request arrived on. */
    static RequestDeadline deadlineOf(Request request) {
        return of(request).deadline;
    }

    /** This socket's share of the classroom demo's per-client meters; null but on a demo's server. */
    public DemoConnection demo() {
        return null;
    }

    @Override
    public void onOpen() {
        super.onOpen();
        deadline.opened();
    }

    @Override
    public void onClose(Throwable cause) {
        deadline.stop();
        super.onClose(cause);
    }

    /**
     * Whether the peer has sent something: 1 for data (one byte is read ahead and handed to the next
     * {@link #fill}), -1 for the end of the stream, 0 for nothing: the selector may report a socket readable
     * that is not, and a held poll must not take that for its client's next request or departure.
     */
    public synchronized int probe() throws IOException {
        if (readAhead != null) {
            return 1;
        }
        ByteBuffer one = BufferUtil.allocate(1);
        int read = super.fill(one);
        if (read > 0) {
            readAhead = one;
        }
        return read;
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        int read;
        synchronized (this) {
            if (readAhead != null) {
                read = BufferUtil.append(buffer, readAhead);
                if (!readAhead.hasRemaining()) {
                    readAhead = null;
                }
            } else {
                read = super.fill(buffer);
            }
        }
        if (read > 0) {
            countRead(read);
        }
        return read;
    }

    /** Bytes read from the socket. */
    void countRead(long bytes) {
        metrics.bytesRead(bytes);
    }

    /** Bytes written to the socket (negative: offered bytes the socket did not take). */
    void countWritten(long bytes) {
        metrics.bytesWritten(bytes);
    }

    /**
     * Counts the bytes offered before flushing and takes back what the socket did not take after: a peer that
     * has read an answer then always finds it counted, as on Netty, which counts on the way to the socket.
     */
    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
        long offered = remaining(buffers);
        countWritten(offered);
        long left = offered;
        try {
            boolean flushed = super.flush(buffers);
            left = remaining(buffers);
            return flushed;
        } finally {
            countWritten(-left);
        }
    }

    private static long remaining(ByteBuffer[] buffers) {
        long sum = 0;
        for (ByteBuffer b : buffers) {
            if (b != null) {
                sum += b.remaining();
            }
        }
        return sum;
    }
}
