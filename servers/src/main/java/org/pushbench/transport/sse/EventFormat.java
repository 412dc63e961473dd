package org.pushbench.transport.sse;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of a {@code text/event-stream} (WHATWG HTML, "Server-sent events"), the same on every engine: each
 * field one line, a blank line ending an event. The delivered-message JSON has no line breaks (the serialiser
 * escapes them in strings), so one {@code data:} line carries it whole.
 */
public final class EventFormat {

    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GAP = "event: gap\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    /** The comment line a quiet stream sends every keep-alive interval. */
    public static final byte[] KEEPALIVE = comment("keepalive");

    private EventFormat() {
    }

    /** {@code id: 42}, {@code data: <json>}, a blank line: one delivered message, resumable from its id. */
    public static byte[] message(long id, byte[] json) {
        return concat(ID, Long.toString(id).getBytes(StandardCharsets.US_ASCII), DATA, json, END);
    }

    /**
     * {@code event: gap}, {@code data: <gap json>}, a blank line: an event of its own type, so a client's message
     * handler never takes it for a message. It has no id: a client that reconnects before the next message
     * resumes where it was and is told of the gap again.
     */
    public static byte[] gap(byte[] json) {
        return concat(GAP, json, END);
    }

    /** {@code retry: <ms>} and a blank line: the reconnection time, applied by the client as the line is read. */
    public static byte[] retry(long millis) {
        return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A comment line, {@code : <text>}, which a client ignores. */
    public static byte[] comment(String text) {
        return (": " + text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
