package org.pushbench.transport.stream;

/**
 * Where a push stream's events go, supplied by the engine: WebSocket text frames, or the events of a Server-Sent
 * Events response. All calls come from the stream's serial executor.
 */
public interface EventSink {

    /**
     * Writes one delivered message, byte for byte the delivered-message JSON.
     *
     * @implSpec May queue it until {@link #flush()}; must not block.
     */
    void message(long id, byte[] json);

    /** Writes the notice that the messages after {@code after} up to the oldest retained one are gone. */
    void gap(byte[] json);

    /** Sends what {@link #message} and {@link #gap} queued. */
    void flush();

    /**
     * Whether the connection takes more now.
     *
     * @implSpec False once the bytes queued towards the socket reach the engine's high-water mark; true again
     *           only when they drained below its low-water mark, and then the engine calls
     *           {@link RoomStream#resume()}.
     */
    boolean writable();

    /** Ends the stream (a close frame, or the end of the response), then the connection. */
    void close(StreamClose why);
}
