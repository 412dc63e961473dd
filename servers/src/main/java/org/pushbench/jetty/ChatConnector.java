package org.pushbench.jetty;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.util.thread.Scheduler;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;

/**
 * A server connector that admits at most {@code maxConnections} connections, counts them open and closed, and
 * gives each a {@link ChatEndPoint} that counts its bytes and enforces the request deadline.
 *
 * <p>A connection beyond the limit is accepted and closed at once, as the Netty engine does, rather than left in
 * the kernel's accept queue (Jetty's {@code ConnectionLimit} stops accepting instead): the client learns at once,
 * and the refusal is counted.
 */
final class ChatConnector extends ServerConnector {

    private final TransportMetrics metrics;
    private final ServerConfig config;
    private final AtomicInteger admitted = new AtomicInteger();

    ChatConnector(Server server, JettyEngine.Shared shared, TransportMetrics metrics, ServerConfig config,
            ConnectionFactory... factories) {
        // One acceptor and one selector: Jetty's own defaults on a 2-core machine, made explicit.
        super(server, shared.threads(), shared.scheduler(), shared.buffers(), 1, 1, factories);
        this.metrics = metrics;
        this.config = config;
        setAcceptQueueSize(4096);
        // No idle timeout of Jetty's own: the request deadline is the one rule, so a held poll is never cut.
        setIdleTimeout(0);
    }

    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        return new GatedSelectorManager(executor, scheduler, selectors);
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        ChatEndPoint endPoint = config.classroomDemo()
                ? new DemoEndPoint(channel, selector, key, getScheduler(), metrics, config.idleTimeout())
                : new ChatEndPoint(channel, selector, key, getScheduler(), metrics, config.idleTimeout());
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }

    private final class GatedSelectorManager extends ServerConnectorManager {

        GatedSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
            super(executor, scheduler, selectors);
        }

        @Override
        public void accept(SelectableChannel channel, Object attachment) {
            if (admitted.incrementAndGet() > config.maxConnections()) {
                admitted.decrementAndGet();
                metrics.connectionRefused();
                IO.close(channel);
                return;
            }
            super.accept(channel, attachment);
        }

        @Override
        protected void onAcceptFailed(SelectableChannel channel, Throwable cause) {
            admitted.decrementAndGet();
            super.onAcceptFailed(channel, cause);
        }

        @Override
        protected void endPointOpened(EndPoint endPoint) {
            metrics.connectionOpened();
            super.endPointOpened(endPoint);
        }

        @Override
        protected void endPointClosed(EndPoint endPoint) {
            admitted.decrementAndGet();
            metrics.connectionClosed();
            super.endPointClosed(endPoint);
        }
    }
}
