package org.pushbench.bench.client;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads delivered messages as the servers send them, with Jackson's streaming parser: the id and stamp of each,
 * and how many bytes its JSON object took on the wire (the payload), so the rest of a body can be counted as
 * framing.
 */
final class DeliveredJson {

    private static final JsonFactory JSON = new JsonFactory();

    /** Receives each parsed message. */
    interface Sink {
        /** @param stamp the message's stamp, or -1 when it has none */
        void message(long id, long stamp, int jsonBytes);
    }

    private DeliveredJson() {
    }

    /** Parses a {@code [...]} body; returns the number of messages. */
    static int parseArray(byte[] body, Sink sink) {
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            int count = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                readObject(p, sink);
                count++;
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("not a delivered-message array", e);
        }
    }

    /** Parses one {@code {...}} message, as a WebSocket frame carries it. */
    static void parseObject(byte[] json, Sink sink) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            readObject(p, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("not a delivered message", e);
        }
    }

    private static void readObject(JsonParser p, Sink sink) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        long id = -1;
        long stamp = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("id")) {
                id = p.getLongValue();
            } else if (field.equals("stamp")) {
                stamp = p.getLongValue();
            } else if (value.isStructStart()) {
                p.skipChildren();
            }
        }
        expect(p.currentToken(), JsonToken.END_OBJECT);
        if (id < 1) {
            throw new IOException("a delivered message without an id");
        }
        long end = p.currentLocation().getByteOffset();
        sink.message(id, stamp, (int) (end - start));
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }
}
