package org.pushbench.store;

/** A registered {@link RoomListener}; closing it unregisters the listener. Idempotent. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
