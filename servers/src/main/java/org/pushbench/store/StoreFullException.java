package org.pushbench.store;

/** Thrown when a new room would exceed the store's configured maximum number of rooms. */
public final class StoreFullException extends RuntimeException {
    public StoreFullException(int maxRooms) {
        super("the store already holds its maximum of " + maxRooms + " rooms");
    }
}
