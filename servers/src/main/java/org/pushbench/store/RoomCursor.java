package org.pushbench.store;

import java.util.List;

/**
 * One subscriber's position in a room: turns the store's unordered wake-ups into an ordered stream with no
 * loss and no duplicates.
 *
 * <p>A push transport subscribes, reads the backlog after its cursor, then calls {@link #next} for every
 * announced message. The common case (the announced message is the next one) costs no store read; a message
 * already delivered is dropped; a jump ahead (appends raced, or the announcement overtook another) is filled
 * by reading from the store. Not thread-safe: use it from the connection's own thread or event loop.
 */
public final class RoomCursor {

    private final MessageStore store;
    private final String room;
    private long position;

    /**
     * @param after the last id the subscriber already has (0 for none)
     */
    public RoomCursor(MessageStore store, String room, long after) {
        this.store = store;
        this.room = room;
        this.position = after;
    }

    /** The last id handed out. */
    public long position() {
        return position;
    }

    /**
     * Reads everything that follows the cursor (the backlog at start-up; at most the room's retention) and
     * moves past it.
     */
    public ReadResult catchUp() {
        return catchUp(store.retention());
    }

    /** Like {@link #catchUp()}, at most {@code limit} messages: for a reader that must not take all at once. */
    public ReadResult catchUp(int limit) {
        ReadResult result = store.read(room, position, limit);
        advancePast(result.messages());
        return result;
    }

    /**
     * The messages to deliver, in order, now that {@code announced} was appended.
     * The result is flagged {@code gap} when the subscriber fell behind the room's retention.
     */
    public ReadResult next(Message announced) {
        if (announced.id() <= position) {
            return ReadResult.empty(position);
        }
        if (announced.id() == position + 1) {
            position = announced.id();
            return new ReadResult(List.of(announced), false, announced.id(), announced.id());
        }
        return catchUp();
    }

    private void advancePast(List<Message> delivered) {
        if (!delivered.isEmpty()) {
            position = delivered.get(delivered.size() - 1).id();
        }
    }
}
