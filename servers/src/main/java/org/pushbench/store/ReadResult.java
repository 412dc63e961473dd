package org.pushbench.store;

import java.util.List;

/**
 * The answer to "messages after id N": a bounded batch in id order, and whether part of the asked-for history
 * is gone.
 *
 * @param messages  contiguous messages, ascending ids, starting right after {@code after} unless {@code gap}
 * @param gap       true when the reader asked for ids the room no longer retains; {@code messages} then starts
 *                  at {@code oldestRetained}, never silently in the middle of the history
 * @param oldestRetained the smallest id the room still holds (lastId + 1 when the room is empty)
 * @param lastId    the room's newest id at the time of the read (0 for a room that has none)
 */
public record ReadResult(List<Message> messages, boolean gap, long oldestRetained, long lastId) {

    public static ReadResult empty(long lastId) {
        return new ReadResult(List.of(), false, lastId + 1, lastId);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
