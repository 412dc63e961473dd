-- Appends one message to a room in one atomic step: registers the room (as room.lua), takes the next id from
-- the room's counter, adds the message to the room's stream under that id, trimmed to the retention, and
-- publishes "<id> <tail>" on the room's channel. Because the id, the stream entry and the publication happen
-- together, every subscriber hears the ids of a room in order.
-- KEYS: rooms set, room counter, room stream. ARGV: room, tail JSON, retention, max rooms, channel.
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then
    if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[4]) then
        return redis.error_reply('PUSHBENCH_FULL')
    end
    redis.call('SADD', KEYS[1], ARGV[1])
end
local id = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[3], 'MAXLEN', ARGV[3], id .. '-0', 't', ARGV[2])
redis.call('PUBLISH', ARGV[5], id .. ' ' .. ARGV[2])
return id
