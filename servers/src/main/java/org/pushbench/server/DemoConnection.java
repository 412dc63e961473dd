package org.pushbench.server;

/**
 * What an engine reports of one accepted socket so that the classroom demo can show each browser pane the bytes
 * the server counted for it (docs/PROTOCOL.md, "Demo client ids"). An engine takes one per socket from
 * {@link DemoClientMetrics#newConnection()} and calls it from its I/O path; this is the whole of an engine's
 * part in the per-client meters, and {@code DemoClientConformanceTest} checks it for every engine.
 */
public interface DemoConnection {

    /** Bytes read from the socket, before any decoding (request heads, bodies, WebSocket frames). */
    void bytesRead(long count);

    /** Bytes written to the socket, after all encoding (response heads, bodies, WebSocket frames). */
    void bytesWritten(long count);

    /**
     * A request (or WebSocket upgrade) arrived for this request target: its {@code client} parameter, if valid,
     * names the client that owns the socket's bytes from now on, including those read before it.
     */
    void request(String uri);

    /** The server answered {@code 200 []}. */
    void emptyResponse();

    /** The socket closed. Idempotent. */
    void closed();
}
