package org.pushbench.store;

/** Opens the store a {@code --store} value names: {@code memory} or {@code redis://host:port}. */
public final class MessageStores {

    private MessageStores() {
    }

    /** Checks a {@code --store} value without connecting; throws IllegalArgumentException with the reason. */
    public static String check(String spec) {
        if (spec.equals("memory")) {
            return spec;
        }
        if (spec.matches("redis://[^/:\\s]+:\\d{1,5}/?")) {
            return spec;
        }
        throw new IllegalArgumentException("--store must be memory or redis://host:port, not \"" + spec + "\"");
    }

    public static MessageStore open(String spec, int retention, int maxRooms) {
        return check(spec).equals("memory") ? new InMemoryMessageStore(retention, maxRooms)
                : new RedisMessageStore(spec, retention, maxRooms);
    }
}
