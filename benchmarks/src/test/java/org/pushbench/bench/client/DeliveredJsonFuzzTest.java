package org.pushbench.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the harness's own parser of what a server sends: a polling answer's body and a
 * WebSocket text frame. Whatever a server under test answers, the parser counts it or refuses it with its one
 * exception (the client then counts an error), never another; and every message it counts has an id and a
 * payload size within the body. Seeds: src/test/resources/org/pushbench/bench/client/DeliveredJsonFuzzTestInputs.
 */
class DeliveredJsonFuzzTest {

    private record Parsed(long id, long stamp, int jsonBytes) {
    }

    @FuzzTest
    void anAnswerBodyIsCountedOrRefused(byte[] body) {
        List<Parsed> messages = new ArrayList<>();
        int count;
        try {
            count = DeliveredJson.parseArray(body, (id, stamp, bytes) -> messages.add(new Parsed(id, stamp, bytes)));
        } catch (UncheckedIOException refused) {
            return;
        }
        assertEquals(messages.size(), count);
        messages.forEach(m -> within(m, body));
    }

    @FuzzTest
    void aFrameIsCountedOrRefused(byte[] frame) {
        List<Parsed> messages = new ArrayList<>();
        try {
            DeliveredJson.parseObject(frame, (id, stamp, bytes) -> messages.add(new Parsed(id, stamp, bytes)));
        } catch (UncheckedIOException refused) {
            return;
        }
        assertEquals(1, messages.size());
        within(messages.get(0), frame);
    }

    private static void within(Parsed m, byte[] body) {
        assertTrue(m.id() >= 1, "id " + m.id());
        assertTrue(m.jsonBytes() > 0 && m.jsonBytes() <= body.length, m.jsonBytes() + " of " + body.length + " B");
    }
}
