-- Reads up to ARGV[2] messages with ids from ARGV[1] on, in one atomic step with the room's bounds.
-- KEYS: room counter, room stream. Returns {lastId, oldestRetained, firstIdReturned, tail, tail, ...}; the ids
-- of the tails are contiguous from firstIdReturned (the stream is only ever trimmed at its old end).
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local oldest = last + 1
local first = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', 1)
if #first > 0 then
    oldest = tonumber(string.match(first[1][1], '^(%d+)'))
end
local from = math.max(tonumber(ARGV[1]), oldest)
local out = {last, oldest, from}
if tonumber(ARGV[2]) > 0 and from <= last then
    local entries = redis.call('XRANGE', KEYS[2], from .. '-0', '+', 'COUNT', ARGV[2])
    for _, entry in ipairs(entries) do
        out[#out + 1] = entry[2][2]
    end
end
return out
