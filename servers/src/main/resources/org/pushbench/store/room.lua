-- Registers a room (KEYS[1] the set of rooms, ARGV[1] the room) unless the store already holds its maximum of
-- rooms (ARGV[2]); the count and the insertion are one step, so concurrent nodes can never exceed it.
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then
    if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then
        return redis.error_reply('PUSHBENCH_FULL')
    end
    redis.call('SADD', KEYS[1], ARGV[1])
end
return 1
