package org.pushbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatJsonTest {

    @Test
    void parsesASentMessage() {
        assertEquals(new SentMessage("alice", "hi", 123L), parse("{\"from\":\"alice\",\"text\":\"hi\",\"stamp\":123}"));
        SentMessage noStamp = parse("{\"text\":\"\",\"from\":\"bob\"}");
        assertEquals("", noStamp.text());
        assertNull(noStamp.stamp());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "nope", "[]", "null", "{\"from\":\"a\"}", "{\"text\":\"t\"}", "{\"from\":\"\",\"text\":\"t\"}",
        "{\"from\":\"a\",\"text\":1}", "{\"from\":\"a\",\"text\":\"t\",\"stamp\":\"12\"}",
        "{\"from\":\"a\",\"text\":\"t\",\"stamp\":1.5}", "{\"from\":\"a\",\"text\":\"t\",\"extra\":1}",
        "{\"from\":\"a\",\"text\":\"t\"} {}", "{\"from\":\"a\",\"from\":\"b\",\"text\":\"t\"}",
        "{\"from\":\"a\",\"text\":\"t\",\"stamp\":99999999999999999999}"
    })
    void refusesAnythingElseWith400(String body) {
        ChatError e = assertThrows(ChatError.class, () -> parse(body));
        assertEquals(400, e.status());
        assertEquals("bad_request", e.code());
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'{', '"', 'f', 'r', 'o', 'm', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertEquals(400, assertThrows(ChatError.class, () -> ChatJson.parseSent(body)).status());
    }

    @Test
    void refusesALongSenderName() {
        String from = "x".repeat(ChatJson.MAX_FROM_LENGTH + 1);
        assertThrows(ChatError.class, () -> parse("{\"from\":\"" + from + "\",\"text\":\"t\"}"));
    }

    @Test
    void joinsDeliveredMessagesIntoAnArray() {
        byte[] a = ChatJson.delivered(1, ChatJson.deliveredTail("r", "a", "x", null));
        byte[] b = ChatJson.delivered(2, ChatJson.deliveredTail("r", "b", "y", 7L));
        List<byte[]> both = List.of(a, b);
        assertEquals("[]", text(ChatJson.array(0, both::get)));
        assertEquals("[" + text(a) + "," + text(b) + "]", text(ChatJson.array(2, both::get)));
        assertEquals("{\"id\":2,\"room\":\"r\",\"from\":\"b\",\"text\":\"y\",\"stamp\":7}", text(b));
    }

    @Test
    void writesErrorsAndGapsAsJson() {
        assertEquals("{\"error\":\"bad_request\",\"message\":\"say \\\"why\\\"\"}",
                text(ChatJson.error("bad_request", "say \"why\"")));
        assertEquals("{\"id\":42}", text(ChatJson.posted(42)));
        String gap = text(ChatJson.gap(5, 1030));
        assertEquals(true, gap.startsWith("{\"error\":\"gap\""));
        assertEquals(true, gap.endsWith("\"after\":5,\"oldest\":1030}"));
    }

    private static SentMessage parse(String json) {
        return ChatJson.parseSent(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
