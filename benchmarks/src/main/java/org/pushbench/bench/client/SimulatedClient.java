package org.pushbench.bench.client;

import java.util.concurrent.CompletableFuture;

import org.pushbench.bench.meter.DeliveryCheck;
import org.pushbench.server.Transport;

/**
 * One simulated chat client: a member of one room that receives every message posted there, over one transport,
 * the way a real chat client would.
 *
 * @implSpec An implementation
 * <ul>
 *   <li>keeps its own cursor, the highest message id it has received, and asks or subscribes from there
 *       ({@code after=N}), like a browser client that has rendered messages up to N;</li>
 *   <li>runs on the shared {@link ClientLoop}: it never blocks and never owns a thread, so thousands fit in one
 *       process;</li>
 *   <li>reports each message to {@link org.pushbench.bench.meter.RecipientMeters#delivered} as soon as it has
 *       parsed it, with {@link System#nanoTime()} taken after parsing;</li>
 *   <li>attributes every byte its socket carries to one {@link org.pushbench.bench.meter.WireCategory} once the
 *       exchange or frame it belongs to is complete, so the categories add up to what the socket counted;</li>
 *   <li>counts each polling request and each answer that carried no message, and reports any answer a healthy
 *       run does not produce (error status, retention gap, unexpected close) as an error;</li>
 *   <li>on {@link #close()}, ends the way a browser tab does: a close frame for WebSocket, closing the
 *       connection for HTTP; it does not reconnect afterwards.</li>
 * </ul>
 */
public interface SimulatedClient extends AutoCloseable {

    Transport transport();

    /** Connects and starts receiving; completes once the first poll is sent or the handshake has succeeded. */
    CompletableFuture<Void> start();

    /** Its place in the delivery check: where it joins from, and whether it is still a member. */
    DeliveryCheck.Recipient recipient();

    @Override
    void close();

    /**
     * Completes once the connection {@link #close()} ended is closed: for WebSocket when the server has answered
     * the close frame; at once for HTTP, whose close is closing the connection.
     */
    default CompletableFuture<Void> whenClosed() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Ends without a goodbye, as a crashed browser or a dropped network does: the TCP connection is reset (no
     * close frame, no pending answer awaited) and the client does not reconnect. The server must release
     * whatever the client held.
     */
    void vanish();
}
