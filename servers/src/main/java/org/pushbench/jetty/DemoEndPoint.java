package org.pushbench.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.util.thread.Scheduler;

import org.pushbench.server.DemoConnection;
import org.pushbench.server.TransportMetrics;

/**
 * A socket of a classroom demo's server: a {@link ChatEndPoint} that also gives its bytes to the demo client that
 * owns the connection (docs/PROTOCOL.md, "Demo client ids"). Never used by a server a benchmark measures.
 */
final class DemoEndPoint extends ChatEndPoint {

    private final DemoConnection demo;

    DemoEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler,
            TransportMetrics metrics, Duration idleTimeout) {
        super(channel, selector, key, scheduler, metrics, idleTimeout);
        this.demo = metrics.demoClients().newConnection();
    }

    @Override
    public DemoConnection demo() {
        return demo;
    }

    @Override
    public void onClose(Throwable cause) {
        demo.closed();
        super.onClose(cause);
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        int read = super.fill(buffer);
        if (read > 0) {
            demo.bytesRead(read);
        }
        return read;
    }

    /** Counted before the flush, what the socket did not take taken back after, as {@link ChatEndPoint} does. */
    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
        long offered = remaining(buffers);
        demo.bytesWritten(offered);
        long left = offered;
        try {
            boolean flushed = super.flush(buffers);
            left = remaining(buffers);
            return flushed;
        } finally {
            demo.bytesWritten(-left);
        }
    }
}
