package org.pushbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Coverage-guided fuzzing of where a client's message enters: any bytes as a POST body or a WebSocket text
 * message. They are a sent message or a 400, never another exception; and what is accepted is delivered as valid
 * UTF-8 JSON with the same fields, as a browser's WebSocket (which fails a connection on invalid UTF-8) needs.
 * Seeds: src/test/resources/org/pushbench/protocol/SentMessageFuzzTestInputs.
 */
class SentMessageFuzzTest {

    @FuzzTest
    void anyBodyIsASentMessageOrA400(byte[] body) throws Exception {
        SentMessage sent;
        try {
            sent = ChatJson.parseSent(body);
        } catch (ChatError refused) {
            assertEquals(400, refused.status());
            return;
        }
        byte[] delivered = ChatJson.delivered(7, ChatJson.deliveredTail("room", sent.from(), sent.text(),
                sent.stamp()));
        strictUtf8(delivered);
        JsonNode node = ChatJson.mapper().readTree(delivered);
        assertEquals(7, node.get("id").longValue());
        assertEquals(sent.from(), node.get("from").textValue());
        assertEquals(sent.text(), node.get("text").textValue());
        assertEquals(sent.stamp(), node.has("stamp") ? Long.valueOf(node.get("stamp").longValue()) : null);
    }

    private static void strictUtf8(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    }
}
