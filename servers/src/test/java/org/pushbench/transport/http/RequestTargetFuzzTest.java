package org.pushbench.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.RoomName;

/**
 * Coverage-guided fuzzing of where a request's target enters, on every transport: the route, the room name and
 * the query string. Any target is parsed or refused with 404 or 400, never another exception, and what is parsed
 * names a valid room and non-negative numbers. Seeds: src/test/resources/org/pushbench/transport/http/
 * RequestTargetFuzzTestInputs.
 */
class RequestTargetFuzzTest {

    @FuzzTest
    void anyTargetIsParsedOrRefusedWith404Or400(byte[] bytes) {
        // One char per byte, as an HTTP decoder hands over a request line's bytes.
        String target = new String(bytes, StandardCharsets.ISO_8859_1);
        RequestTarget parsed;
        try {
            parsed = RequestTarget.parse(target);
        } catch (ChatError refused) {
            assertTrue(Set.of(400, 404).contains(refused.status()), refused.status() + " " + refused.getMessage());
            return;
        }
        assertEquals(parsed.room(), RoomName.require(parsed.room()));
        assertTrue(parsed.after() >= 0, "after " + parsed.after());
        assertTrue(parsed.waitMillis() >= -1, "wait " + parsed.waitMillis());
        assertTrue(parsed.afterGiven() || parsed.after() == 0);
    }
}
