package org.pushbench.bench.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * Parses a {@code text/event-stream} as the WHATWG HTML specification ("Server-sent events", 9.2.6) says an
 * EventSource does: lines end in CRLF, LF or CR; a leading BOM is dropped; a line starting with a colon is a
 * comment; a field is {@code name:value} with one leading space of the value dropped; {@code data} lines
 * accumulate with LF between them; {@code id} sets the last event id (unless it holds NUL) and keeps it across
 * events; {@code retry} of only ASCII digits sets the reconnection time; other fields are ignored; a blank line
 * dispatches the event if it has data, else just resets it. Fed the response body as it arrives, in any pieces;
 * it also tells the bytes each part took, so that a client can split them exactly.
 */
final class EventStreamParser {

    /** What the stream holds, each part with its bytes. */
    interface Listener {
        /**
         * @param data         the data lines joined by LF, the payload
         * @param framingBytes every other byte of the event: field names, values of other fields, line ends
         */
        void event(String type, byte[] data, String lastEventId, long framingBytes);

        /** A comment line, its bytes with its line end. */
        void comment(long bytes);

        /** A {@code retry} field; its bytes count with those of a block that dispatched nothing. */
        void retry(long millis);

        /** A blank line that dispatched nothing (no data), with the fields before it. */
        void emptyBlock(long bytes);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Listener listener;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final ByteArrayOutputStream data = new ByteArrayOutputStream(256);
    private String type = "";
    private String lastEventId;
    private long blockBytes;
    private boolean afterCr;
    private boolean firstLine = true;

    /** @param lastEventId the last event id so far: it survives reconnections */
    EventStreamParser(Listener listener, String lastEventId) {
        this.listener = listener;
        this.lastEventId = lastEventId;
    }

    void feed(ByteBuf bytes) {
        for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
            byte b = bytes.getByte(i);
            if (afterCr && b == '\n') {
                // the LF of a CRLF: the line was ended by its CR
                afterCr = false;
                blockBytes++;
                continue;
            }
            afterCr = b == '\r';
            if (b == '\r' || b == '\n') {
                endLine();
            } else {
                line.write(b);
            }
        }
    }

    private void endLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int start = firstLine && startsWithBom(bytes) ? BOM.length : 0;
        firstLine = false;
        long size = bytes.length + 1L;
        if (bytes.length == start) {
            dispatch(size);
        } else if (bytes[start] == ':') {
            listener.comment(size);
        } else {
            blockBytes += size;
            field(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        }
    }

    private void field(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + (text.startsWith(" ", colon + 1) ? 2 : 1));
        switch (name) {
            case "event" -> type = value;
            case "data" -> {
                data.writeBytes(value.getBytes(StandardCharsets.UTF_8));
                data.write('\n');
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    retry(value);
                }
            }
            default -> {
                // ignored, as the specification says
            }
        }
    }

    /** A value too large for a long is ignored, as a browser ignores one it cannot hold (Jazzer found the crash). */
    private void retry(String digits) {
        try {
            listener.retry(Long.parseLong(digits));
        } catch (NumberFormatException tooLarge) {
            // the reconnection time stays as it was
        }
    }

    private void dispatch(long blankLineBytes) {
        long bytes = blockBytes + blankLineBytes;
        blockBytes = 0;
        if (data.size() == 0) {
            type = "";
            listener.emptyBlock(bytes);
            return;
        }
        byte[] all = data.toByteArray();
        byte[] payload = java.util.Arrays.copyOf(all, all.length - 1);
        data.reset();
        String dispatched = type.isEmpty() ? "message" : type;
        type = "";
        listener.event(dispatched, payload, lastEventId, bytes - payload.length);
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }
}
