package org.pushbench.bench.load;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.pushbench.protocol.ChatJson;
import org.pushbench.protocol.SentMessage;

/**
 * What the publisher writes for message {@code k} of the schedule. pushbench's servers take a sent message
 * ({@link #sentMessages}); a calibration floor server, which has no protocol, takes the delivered message itself.
 */
@FunctionalInterface
public interface MessageEncoder {

    /** @param k the message's place in the schedule, 0, 1, 2, ...; {@code stamp} its intended send offset */
    byte[] encode(long k, long stamp);

    /** {@code {"from":"publisher","text":"xxx...","stamp":...}}: what a chat client sends. */
    static MessageEncoder sentMessages(int payloadBytes) {
        String text = "x".repeat(payloadBytes);
        return (k, stamp) -> {
            try {
                return ChatJson.mapper().writeValueAsBytes(new SentMessage("publisher", text, stamp));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
