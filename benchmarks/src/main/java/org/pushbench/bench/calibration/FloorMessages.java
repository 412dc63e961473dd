package org.pushbench.bench.calibration;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.pushbench.bench.load.MessageEncoder;
import org.pushbench.protocol.ChatJson;

/**
 * What the publisher sends a floor server: the delivered message itself, shaped and sized as pushbench's servers
 * deliver it ({@code {"id":..,"room":..,"from":..,"text":..,"stamp":..}}), with id {@code k + 1}. The floor
 * server has no ids to give, and one publisher on one connection keeps them in order.
 */
final class FloorMessages {

    private FloorMessages() {
    }

    /** The delivered-message shape; Jackson writes a record's fields in declaration order. */
    record Delivered(long id, String room, String from, String text, long stamp) {
    }

    static MessageEncoder delivered(String room, int payloadBytes) {
        String text = "x".repeat(payloadBytes);
        return (k, stamp) -> {
            try {
                return ChatJson.mapper().writeValueAsBytes(new Delivered(k + 1, room, "publisher", text, stamp));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
