package org.pushbench.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.pushbench.protocol.ChatJson;

/**
 * The message store in Redis, shared by every node pointed at the same server: a room is a counter (its last
 * id), a stream of its newest messages (trimmed to the retention) and a pub/sub channel. Appends and reads are
 * Lua scripts, so an id, its entry and its announcement are one atomic step however many nodes append at once.
 *
 * <p>Keys: {@code pushbench:rooms} (the set of rooms), {@code pushbench:room:<name>:last},
 * {@code pushbench:room:<name>:log}; channel {@code pushbench:room:<name>}. Calls block the caller for one round
 * trip to Redis (the interface is synchronous); Lettuce pipelines concurrent callers over one connection.
 */
public final class RedisMessageStore implements MessageStore {

    private static final String PREFIX = "pushbench:room:";
    private static final byte[] ROOMS = "pushbench:rooms".getBytes(StandardCharsets.UTF_8);
    private static final LuaScript APPEND = new LuaScript("append.lua");
    private static final LuaScript READ = new LuaScript("read.lua");
    private static final LuaScript ROOM = new LuaScript("room.lua");

    private final int retention;
    private final int maxRooms;
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisCommands<byte[], byte[]> redis;
    private final RoomChannels channels;

    /** Connects to {@code redis://host:port}; throws StoreUnavailableException naming the address when it cannot. */
    public RedisMessageStore(String uri, int retention, int maxRooms) {
        if (retention < 1 || maxRooms < 1) {
            throw new IllegalArgumentException("retention and maxRooms must be positive");
        }
        this.retention = retention;
        this.maxRooms = maxRooms;
        RedisURI address = RedisURI.create(uri);
        address.setTimeout(Duration.ofSeconds(10));
        this.client = RedisClient.create(address);
        // While Redis is unreachable a call fails at once instead of queueing behind the reconnection, so a
        // request answers 500 and an event loop is never parked for the command timeout.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        try {
            this.connection = client.connect(ByteArrayCodec.INSTANCE);
            this.redis = connection.sync();
            this.channels = new RoomChannels(client.connectPubSub(ByteArrayCodec.INSTANCE), PREFIX);
        } catch (RuntimeException e) {
            close();
            throw new StoreUnavailableException("cannot reach Redis at " + uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Message append(String room, String from, String text, Long stamp) {
        byte[] tail = ChatJson.deliveredTail(room, from, text, stamp);
        Long id = guard(() -> APPEND.run(redis, ScriptOutputType.INTEGER, roomKeys(room),
                bytes(room), tail, bytes(Integer.toString(retention)), bytes(Integer.toString(maxRooms)),
                RoomChannels.channel(PREFIX, room)));
        return new Message(id, room, ChatJson.delivered(id, tail));
    }

    @Override
    public ReadResult read(String room, long after, int limit) {
        List<Object> reply = READ.run(redis, ScriptOutputType.MULTI,
                new byte[][] {key(room, ":last"), key(room, ":log")},
                bytes(Long.toString(after + 1)), bytes(Integer.toString(Math.max(0, limit))));
        long lastId = (Long) reply.get(0);
        long oldest = (Long) reply.get(1);
        long id = (Long) reply.get(2);
        List<Message> batch = new ArrayList<>(reply.size() - 3);
        for (Object tail : reply.subList(3, reply.size())) {
            batch.add(new Message(id, room, ChatJson.delivered(id, (byte[]) tail)));
            id++;
        }
        return new ReadResult(batch, after + 1 < oldest, oldest, lastId);
    }

    @Override
    public Subscription subscribe(String room, RoomListener listener) {
        guard(() -> ROOM.run(redis, ScriptOutputType.INTEGER, new byte[][] {ROOMS}, bytes(room),
                bytes(Integer.toString(maxRooms))));
        return channels.add(room, listener);
    }

    @Override
    public long lastId(String room) {
        byte[] last = redis.get(key(room, ":last"));
        return last == null ? 0 : Long.parseLong(new String(last, StandardCharsets.US_ASCII));
    }

    @Override
    public int retention() {
        return retention;
    }

    @Override
    public int subscriberCount() {
        return channels.count();
    }

    @Override
    public int roomCount() {
        return Math.toIntExact(redis.scard(ROOMS));
    }

    @Override
    public void close() {
        // No quiet period: nothing of ours is left in flight once the servers stopped.
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (RedisCommandExecutionException e) {
            if (String.valueOf(e.getMessage()).contains("PUSHBENCH_FULL")) {
                throw new StoreFullException(maxRooms);
            }
            throw e;
        }
    }

    private static byte[][] roomKeys(String room) {
        return new byte[][] {ROOMS, key(room, ":last"), key(room, ":log")};
    }

    private static byte[] key(String room, String suffix) {
        return bytes(PREFIX + room + suffix);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
