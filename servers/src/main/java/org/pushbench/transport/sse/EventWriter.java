package org.pushbench.transport.sse;

/**
 * Where an {@link EventStream} writes, supplied by the engine: the body of one HTTP/1.1 response whose head is
 * already out, each {@link #write} one chunk of it. All calls come from the stream's serial executor.
 */
public interface EventWriter {

    /**
     * Queues one event (or comment) as one chunk.
     *
     * @implSpec Must not block; sent by {@link #flush()}.
     */
    void write(byte[] event);

    /** Sends what {@link #write} queued. */
    void flush();

    /**
     * Whether the connection takes more now.
     *
     * @implSpec False once the bytes queued towards the socket reach the engine's high-water mark; true again
     *           only when they drained below its low-water mark, and then the engine calls
     *           {@link EventStream#resume()}.
     */
    boolean writable();

    /**
     * Ends the response (the last chunk) and closes the connection once what was queued is sent, or after
     * {@link EventStream#CLOSE_GRACE} if the client does not take it.
     */
    void end();
}
