package org.pushbench.server;

/**
 * Attributes one socket's traffic to the demo client whose id it last carried. Bytes counted before any id is
 * known (the head of the first request) wait here and go to the first client identified, so a tagged
 * connection's count is exact, headers included. Untagged sockets cost two longs and count nowhere else.
 *
 * <p>Thread-safe: an engine may count reads and writes on different threads.
 */
final class AttributedConnection implements DemoConnection {

    private final DemoClientMetrics metrics;
    private DemoClientMetrics.Counters client;
    private long pendingIn;
    private long pendingOut;
    private boolean closed;

    AttributedConnection(DemoClientMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public synchronized void bytesRead(long count) {
        if (client != null) {
            client.bytesIn.add(count);
        } else {
            pendingIn += count;
        }
    }

    @Override
    public synchronized void bytesWritten(long count) {
        if (client != null) {
            client.bytesOut.add(count);
        } else {
            pendingOut += count;
        }
    }

    @Override
    public synchronized void request(String uri) {
        String id = DemoClientMetrics.clientIdOf(uri);
        if (id != null && !closed) {
            switchTo(metrics.countersOf(id));
        }
        if (client != null) {
            client.requests.increment();
        }
    }

    private void switchTo(DemoClientMetrics.Counters next) {
        if (next == client) {
            return;
        }
        if (client != null) {
            client.openConnections.decrementAndGet();
        }
        next.openConnections.incrementAndGet();
        next.bytesIn.add(pendingIn);
        next.bytesOut.add(pendingOut);
        pendingIn = 0;
        pendingOut = 0;
        client = next;
    }

    @Override
    public synchronized void emptyResponse() {
        if (client != null) {
            client.emptyResponses.increment();
        }
    }

    @Override
    public synchronized void closed() {
        if (!closed && client != null) {
            client.openConnections.decrementAndGet();
        }
        closed = true;
    }
}
