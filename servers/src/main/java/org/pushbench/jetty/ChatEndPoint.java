package org.pushbench.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

import org.pushbench.server.TransportMetrics;

/**
 * One accepted socket: counts every byte read from it and written to it (request and response heads, handshakes,
 * frame headers and control frames included), and owns the connection's {@link RequestDeadline}.
 */
public final class ChatEndPoint extends SocketChannelEndPoint {

    private final TransportMetrics metrics;
    private final RequestDeadline deadline;

    ChatEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler,
            TransportMetrics metrics, Duration idleTimeout) {
        super(channel, selector, key, scheduler);
        this.metrics = metrics;
        this.deadline = new RequestDeadline(scheduler, idleTimeout, this);
    }

    /** The endpoint a request arrived on. */
    public static ChatEndPoint of(Request request) {
        return (ChatEndPoint) request.getConnectionMetaData().getConnection().getEndPoint();
    }

    public RequestDeadline deadline() {
        return deadline;
    }

    @Override
    public void onOpen() {
        super.onOpen();
        deadline.restart();
    }

    @Override
    public void onClose(Throwable cause) {
        deadline.stop();
        super.onClose(cause);
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        int read = super.fill(buffer);
        if (read > 0) {
            metrics.bytesRead(read);
        }
        return read;
    }

    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
        long before = remaining(buffers);
        try {
            return super.flush(buffers);
        } finally {
            metrics.bytesWritten(before - remaining(buffers));
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
