package org.pushbench.jetty;

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
    void countRead(long bytes) {
        super.countRead(bytes);
        demo.bytesRead(bytes);
    }

    @Override
    void countWritten(long bytes) {
        super.countWritten(bytes);
        demo.bytesWritten(bytes);
    }
}
