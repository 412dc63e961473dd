package org.pushbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One of the store's Lua scripts (a resource beside this class), run by its SHA-1 so that each call sends only
 * the keys and arguments; loaded again if the server forgot it (a restarted or flushed Redis).
 */
final class LuaScript {

    private final byte[] source;
    private volatile String sha;

    LuaScript(String resource) {
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + resource);
            }
            this.source = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T run(RedisCommands<byte[], byte[]> redis, ScriptOutputType type, byte[][] keys, byte[]... args) {
        String digest = sha;
        if (digest == null) {
            digest = sha = redis.scriptLoad(source);
        }
        try {
            return redis.evalsha(digest, type, keys, args);
        } catch (RedisNoScriptException e) {
            sha = redis.scriptLoad(source);
            return redis.evalsha(sha, type, keys, args);
        }
    }
}
