package org.pushbench.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.pushbench.protocol.ChatJson;

/**
 * The node's side of Redis pub/sub: one channel per room, subscribed once when the room gets its first local
 * listener and kept for the store's life (rooms are never deleted, and are bounded by the store's maximum), so
 * the per-request subscriptions of long polling cost no round trip. Each publication ({@code "<id> <tail>"},
 * see append.lua) becomes one {@link Message} handed to the room's local listeners on Lettuce's thread.
 */
final class RoomChannels extends RedisPubSubAdapter<byte[], byte[]> {

    private final StatefulRedisPubSubConnection<byte[], byte[]> pubsub;
    private final String prefix;
    private final ConcurrentHashMap<String, Set<RoomListener>> listeners = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Void>> joined = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    RoomChannels(StatefulRedisPubSubConnection<byte[], byte[]> pubsub, String prefix) {
        this.pubsub = pubsub;
        this.prefix = prefix;
        pubsub.addListener(this);
    }

    static byte[] channel(String prefix, String room) {
        return (prefix + room).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Adds a listener and returns once Redis has confirmed the room's channel: from then on every append is
     * announced, which is what makes "subscribe, then read" race-free across nodes.
     */
    Subscription add(String room, RoomListener listener) {
        listeners.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(listener);
        count.incrementAndGet();
        Subscription subscription = new Subscription() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    listeners.get(room).remove(listener);
                    count.decrementAndGet();
                }
            }
        };
        try {
            joined.computeIfAbsent(room, r -> pubsub.async().subscribe(channel(prefix, r)).toCompletableFuture())
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            subscription.close();
            joined.remove(room);
            throw new IllegalStateException("could not subscribe to room " + room + " in Redis", e);
        }
        return subscription;
    }

    int count() {
        return count.get();
    }

    @Override
    public void message(byte[] channel, byte[] payload) {
        String room = new String(channel, StandardCharsets.UTF_8).substring(prefix.length());
        Set<RoomListener> local = listeners.get(room);
        if (local == null || local.isEmpty()) {
            return;
        }
        int space = 0;
        while (payload[space] != ' ') {
            space++;
        }
        long id = Long.parseLong(new String(payload, 0, space, StandardCharsets.US_ASCII));
        byte[] tail = Arrays.copyOfRange(payload, space + 1, payload.length);
        Message message = new Message(id, room, ChatJson.delivered(id, tail));
        for (RoomListener listener : local) {
            listener.onAppend(message);
        }
    }
}
