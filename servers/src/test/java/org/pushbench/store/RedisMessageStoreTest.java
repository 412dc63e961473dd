package org.pushbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on Redis (a redis-server the test starts), and what two nodes sharing it see. */
class RedisMessageStoreTest extends MessageStoreContract {

    private static RedisServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    MessageStore newStore(int retention, int maxRooms) throws Exception {
        redis.flushAll();
        return new RedisMessageStore(redis.uri(), retention, maxRooms);
    }

    @Test
    void twoNodesShareIdsRoomsAndAnnouncements() throws Exception {
        try (MessageStore other = new RedisMessageStore(redis.uri(), 4, 3)) {
            LinkedBlockingQueue<Message> heardByOther = new LinkedBlockingQueue<>();
            try (Subscription s = other.subscribe("a", heardByOther::add)) {
                assertEquals(1, store.append("a", "alice", "one", null).id());
                Message second = store.append("a", "alice", "two", 7L);
                assertEquals(3, other.append("a", "bob", "three", null).id());
                assertEquals(1, heardByOther.poll(10, TimeUnit.SECONDS).id());
                assertEquals(second, heardByOther.poll(10, TimeUnit.SECONDS));
                assertEquals(3, heardByOther.poll(10, TimeUnit.SECONDS).id());
            }
            assertEquals(3, other.lastId("a"));
            assertEquals(store.read("a", 0, 10), other.read("a", 0, 10));
            other.append("b", "x", "1", null);
            store.append("c", "x", "1", null);
            assertThrows(StoreFullException.class, () -> other.append("d", "x", "1", null));
            assertEquals(3, store.roomCount());
        }
    }

    @Test
    void aStoreThatCannotReachRedisSaysWhere() {
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> new RedisMessageStore("redis://127.0.0.1:1", 4, 3));
        assertTrue(e.getMessage().contains("redis://127.0.0.1:1"), e.getMessage());
    }
}
