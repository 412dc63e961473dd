package org.pushbench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.pushbench.protocol.ChatJson;

/**
 * The message store: a map of rooms, each a fixed-size ring of its newest messages.
 *
 * <p>Appends to one room take that room's lock only long enough to assign the id and put the message in the
 * ring; the JSON is serialised before the lock and subscribers are notified after it, so a fan-out to
 * thousands of listeners never holds up other appenders. Memory is bounded by {@code maxRooms × retention}
 * messages.
 */
public final class InMemoryMessageStore implements MessageStore {

    public static final int DEFAULT_RETENTION = 1024;
    public static final int DEFAULT_MAX_ROOMS = 1024;

    private final int retention;
    private final int maxRooms;
    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger subscribers = new AtomicInteger();

    public InMemoryMessageStore() {
        this(DEFAULT_RETENTION, DEFAULT_MAX_ROOMS);
    }

    public InMemoryMessageStore(int retention, int maxRooms) {
        if (retention < 1 || maxRooms < 1) {
            throw new IllegalArgumentException("retention and maxRooms must be positive");
        }
        this.retention = retention;
        this.maxRooms = maxRooms;
    }

    @Override
    public Message append(String room, String from, String text, Long stamp) {
        byte[] tail = ChatJson.deliveredTail(room, from, text, stamp);
        Room r = roomForWrite(room);
        Message message = r.append(tail);
        for (RoomListener listener : r.listeners) {
            listener.onAppend(message);
        }
        return message;
    }

    @Override
    public ReadResult read(String room, long after, int limit) {
        Room r = rooms.get(room);
        return r == null ? ReadResult.empty(0) : r.read(after, limit);
    }

    @Override
    public Subscription subscribe(String room, RoomListener listener) {
        Room r = roomForWrite(room);
        r.listeners.add(listener);
        subscribers.incrementAndGet();
        return new Subscription() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    r.listeners.remove(listener);
                    subscribers.decrementAndGet();
                }
            }
        };
    }

    @Override
    public long lastId(String room) {
        Room r = rooms.get(room);
        return r == null ? 0 : r.lastId();
    }

    @Override
    public int retention() {
        return retention;
    }

    @Override
    public int subscriberCount() {
        return subscribers.get();
    }

    /** How many listeners one room has now (0 for a room that does not exist). */
    public int subscriberCount(String room) {
        Room r = rooms.get(room);
        return r == null ? 0 : r.listeners.size();
    }

    @Override
    public int roomCount() {
        return rooms.size();
    }

    private Room roomForWrite(String room) {
        Room r = rooms.get(room);
        if (r != null) {
            return r;
        }
        synchronized (rooms) {
            if (rooms.size() >= maxRooms && !rooms.containsKey(room)) {
                throw new StoreFullException(maxRooms);
            }
            return rooms.computeIfAbsent(room, name -> new Room(name, retention));
        }
    }

    /** One room: a ring of the newest messages, guarded by the room's own monitor. */
    private static final class Room {
        final String name;
        final Message[] ring;
        final Set<RoomListener> listeners = ConcurrentHashMap.newKeySet();
        long lastId;

        Room(String name, int retention) {
            this.name = name;
            this.ring = new Message[retention];
        }

        synchronized Message append(byte[] tail) {
            long id = lastId + 1;
            Message message = new Message(id, name, ChatJson.delivered(id, tail));
            ring[(int) (id % ring.length)] = message;
            lastId = id;
            return message;
        }

        synchronized long lastId() {
            return lastId;
        }

        synchronized ReadResult read(long after, int limit) {
            long oldest = Math.max(1, lastId - ring.length + 1);
            boolean gap = after + 1 < oldest;
            long from = Math.max(after + 1, oldest);
            long to = Math.min(lastId, from + Math.max(0, limit) - 1);
            if (from > to) {
                return new ReadResult(List.of(), gap, oldest, lastId);
            }
            List<Message> batch = new ArrayList<>((int) (to - from + 1));
            for (long id = from; id <= to; id++) {
                batch.add(ring[(int) (id % ring.length)]);
            }
            return new ReadResult(batch, gap, oldest, lastId);
        }
    }
}
