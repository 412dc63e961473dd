package org.pushbench.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;


/**
 * The wire protocol's JSON, the same bytes on every transport and engine (see docs/PROTOCOL.md).
 *
 * <p>Parsing is strict: a sent message is one JSON object with a string {@code from}, a string {@code text}
 * and an optional integer {@code stamp}, nothing else. Delivered messages are serialised once, with a fixed
 * field order, so that payload bytes can be compared across transports.
 */
public final class ChatJson {

    /** The longest sender name accepted, in characters. */
    public static final int MAX_FROM_LENGTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final byte[] ID_PREFIX = "{\"id\":".getBytes(StandardCharsets.US_ASCII);

    private ChatJson() {
    }

    /**
     * Parses a sent message.
     *
     * @throws ChatError 400 when the bytes are not UTF-8 JSON of the documented shape
     */
    public static SentMessage parseSent(byte[] utf8) {
        JsonNode node;
        try (JsonParser parser = MAPPER.createParser(utf8)) {
            node = MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw ChatError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ChatError.badRequest("the body could not be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw ChatError.badRequest("expected a JSON object {\"from\":...,\"text\":...,\"stamp\":...}");
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("from") && !name.equals("text") && !name.equals("stamp")) {
                throw ChatError.badRequest("unknown field \"" + name + "\"");
            }
        }
        JsonNode from = node.get("from");
        JsonNode text = node.get("text");
        JsonNode stamp = node.get("stamp");
        if (from == null || !from.isTextual() || from.textValue().isEmpty()) {
            throw ChatError.badRequest("\"from\" must be a non-empty string");
        }
        if (from.textValue().length() > MAX_FROM_LENGTH) {
            throw ChatError.badRequest("\"from\" is longer than " + MAX_FROM_LENGTH + " characters");
        }
        if (text == null || !text.isTextual()) {
            throw ChatError.badRequest("\"text\" must be a string");
        }
        if (stamp != null && !stamp.isNull() && !(stamp.isIntegralNumber() && stamp.canConvertToLong())) {
            throw ChatError.badRequest("\"stamp\" must be an integer");
        }
        Long stampValue = stamp == null || stamp.isNull() ? null : stamp.longValue();
        return new SentMessage(from.textValue(), text.textValue(), stampValue);
    }

    /**
     * Everything of a delivered message after its id: {@code "room":..,"from":..,"text":..,"stamp":..}}
     * (stamp omitted when null). Serialised outside the store's lock; {@link #delivered} adds the id.
     */
    public static byte[] deliveredTail(String room, String from, String text, Long stamp) {
        byte[] object = write(json -> {
            json.writeStartObject();
            json.writeStringField("room", room);
            json.writeStringField("from", from);
            json.writeStringField("text", text);
            if (stamp != null) {
                json.writeNumberField("stamp", stamp);
            }
            json.writeEndObject();
        });
        object[0] = ',';
        return object;
    }

    /** The delivered-message JSON: {@code {"id":42} + tail}. */
    public static byte[] delivered(long id, byte[] tail) {
        byte[] digits = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
        byte[] json = new byte[ID_PREFIX.length + digits.length + tail.length];
        System.arraycopy(ID_PREFIX, 0, json, 0, ID_PREFIX.length);
        System.arraycopy(digits, 0, json, ID_PREFIX.length, digits.length);
        System.arraycopy(tail, 0, json, ID_PREFIX.length + digits.length, tail.length);
        return json;
    }

    /**
     * A JSON array of {@code count} delivered messages, {@code []} when there are none.
     *
     * @param jsonAt the delivered-message JSON of the i-th (a function, so that the store's message type stays
     *               the store's and no list is copied on the way)
     */
    public static byte[] array(int count, IntFunction<byte[]> jsonAt) {
        int size = 2 + Math.max(0, count - 1);
        for (int i = 0; i < count; i++) {
            size += jsonAt.apply(i).length;
        }
        byte[] out = new byte[size];
        out[0] = '[';
        int at = 1;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            byte[] json = jsonAt.apply(i);
            System.arraycopy(json, 0, out, at, json.length);
            at += json.length;
        }
        out[at] = ']';
        return out;
    }

    /** The answer to a POST: {@code {"id":42}}. */
    public static byte[] posted(long id) {
        return ("{\"id\":" + id + "}").getBytes(StandardCharsets.US_ASCII);
    }

    /** An error body: {@code {"error":"code","message":"..."}}. */
    public static byte[] error(String code, String message) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", code);
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }

    /**
     * The answer to a reader that fell behind the room's retention:
     * {@code {"error":"gap","message":"...","after":5,"oldest":1030}}. HTTP sends it with status 410;
     * WebSocket sends it as a text frame before the retained messages.
     */
    public static byte[] gap(long after, long oldest) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", "gap");
            json.writeStringField("message", "messages after " + after + " are no longer retained; the oldest is "
                    + oldest + ": read again with after=" + (oldest - 1));
            json.writeNumberField("after", after);
            json.writeNumberField("oldest", oldest);
            json.writeEndObject();
        });
    }

    /** The shared mapper, for code that reads or writes other JSON (metrics, the harness). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private interface JsonWriter {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(JsonWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
