package org.pushbench.store;

/**
 * Rooms of chat messages, each an append-only log with its own sequence of ids (1, 2, 3, ...), retaining the
 * last {@link #retention()} messages per room.
 *
 * <p>One instance is shared by every server of a process, so a message posted through one transport is seen
 * through all of them. Implementations are thread-safe: concurrent appends to a room get distinct contiguous
 * ids, and a reader never sees a message twice, out of order, or a hole it is not told about.
 */
public interface MessageStore extends AutoCloseable {

    /**
     * Appends a message and notifies the room's subscribers.
     *
     * @param room  a valid room name (see {@link org.pushbench.protocol.RoomName})
     * @param from  the sender's name
     * @param text  the message text
     * @param stamp an opaque number passed through untouched, or {@code null} for none
     * @return the stored message with its new id
     * @throws StoreFullException when the room does not exist and the store already holds its maximum of rooms
     */
    Message append(String room, String from, String text, Long stamp);

    /**
     * Reads up to {@code limit} messages with ids greater than {@code after}. Never creates a room.
     *
     * @param after the reader's cursor: the last id it has seen (0 for "from the start")
     */
    ReadResult read(String room, long after, int limit);

    /**
     * Registers a listener for appends to a room, creating the room if needed. To wait for messages after a
     * cursor without a race, subscribe first, then {@link #read}: anything appended after the read is announced.
     *
     * @throws StoreFullException when the room does not exist and the store already holds its maximum of rooms
     */
    Subscription subscribe(String room, RoomListener listener);

    /** The newest id of a room, 0 when it has none. */
    long lastId(String room);

    /** How many messages each room retains. */
    int retention();

    /** How many listeners are registered now, over all rooms (a leak detector for tests and metrics). */
    int subscriberCount();

    /** The number of rooms that exist now. */
    int roomCount();

    /** Releases what the store holds outside the heap (connections, threads); the in-memory store has none. */
    @Override
    default void close() {
    }
}
