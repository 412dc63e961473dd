package org.pushbench.store;

/**
 * Called by the store after a message was appended to a room the listener subscribed to.
 *
 * <p>Called on the appending thread, outside the store's locks, possibly concurrently and out of id order
 * when appends race; a listener must therefore treat the call as a wake-up and read from its own cursor
 * (see {@link RoomCursor}) rather than trust the order of calls. It must not block.
 */
@FunctionalInterface
public interface RoomListener {
    void onAppend(Message message);
}
