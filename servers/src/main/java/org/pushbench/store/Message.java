package org.pushbench.store;

import java.util.Arrays;

/**
 * One chat message as the store holds it: its room, its per-room sequence id and the delivered-message
 * JSON, serialised once on append so that every transport sends byte-identical payloads.
 *
 * @param id    per-room sequence id, 1, 2, 3, ... in append order
 * @param room  the room it was appended to
 * @param json  the delivered-message JSON ({@code {"id":..,"room":..,"from":..,"text":..,"stamp":..}}), UTF-8;
 *              shared, never modified: callers must not write into it
 */
public record Message(long id, String room, byte[] json) {

    /** Payload length in bytes: what the byte meters call "payload". */
    public int size() {
        return json.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.id == id && m.room.equals(room) && Arrays.equals(m.json, json);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + room.hashCode();
    }

    @Override
    public String toString() {
        return "Message[" + room + "#" + id + ", " + json.length + " B]";
    }
}
