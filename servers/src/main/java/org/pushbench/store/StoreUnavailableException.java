package org.pushbench.store;

/** Thrown when a store that lives elsewhere (Redis) cannot be reached; the message names its address. */
public final class StoreUnavailableException extends IllegalStateException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
