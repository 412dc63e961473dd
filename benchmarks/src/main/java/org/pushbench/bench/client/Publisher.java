package org.pushbench.bench.client;

import java.util.concurrent.CompletableFuture;

import org.pushbench.server.Transport;

/**
 * The sending side of a run: posts chat messages into the room over one transport, at the moments an open-loop
 * schedule decides, whether or not earlier messages have been answered.
 */
public interface Publisher extends AutoCloseable {

    Transport transport();

    /** Connects; completes when messages can be sent. */
    CompletableFuture<Void> start();

    /**
     * Sends one message; never blocks. The publisher calls {@code beforeWrite} with {@link System#nanoTime()}
     * immediately before the message is written to a socket, which is its actual send time.
     */
    void publish(byte[] sentJson, SendTimeListener beforeWrite);

    @Override
    void close();

    /** Completes once the connections {@link #close()} ended are closed (see {@link SimulatedClient#whenClosed}). */
    default CompletableFuture<Void> whenClosed() {
        return CompletableFuture.completedFuture(null);
    }

    /** Learns the moment a message actually leaves. */
    @FunctionalInterface
    interface SendTimeListener {
        void sending(long nanoTime);
    }
}
