package org.pushbench.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisMessageStoreStressTest extends MessageStoreStress {

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
    MessageStore newStore(int retention, int maxRooms) {
        return new RedisMessageStore(redis.uri(), retention, maxRooms);
    }
}
