package org.pushbench.server;

/**
 * One chat server: one transport on one engine, on one port, over a shared
 * {@link org.pushbench.store.MessageStore}. The protocol it speaks is docs/PROTOCOL.md.
 */
public interface ChatServer extends AutoCloseable {

    Transport transport();

    Engine engine();

    /**
     * Binds and starts serving. Returns once the port accepts connections.
     *
     * @return the bound port (the configured one, or the one the OS chose for port 0)
     */
    int start() throws Exception;

    /** The bound port; only valid after {@link #start()}. */
    int port();

    /** The live counters of this server, updated as it runs. */
    TransportMetrics metrics();

    /** Stops accepting, closes every connection and releases held requests and subscriptions. Idempotent. */
    @Override
    void close();
}
