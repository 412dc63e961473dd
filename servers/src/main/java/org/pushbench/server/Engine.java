package org.pushbench.server;

import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The server library a transport is built on. Each engine lives in its own package and is found through its
 * {@link EngineProvider} by {@link ServiceLoader}, so that this package does not depend on any engine.
 */
public enum Engine {
    NETTY("netty"),
    JETTY("jetty");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    /**
     * A new factory of this engine's servers (it owns the engine's event loops or thread pool; close it after
     * its servers).
     */
    public ServerFactory newFactory() {
        for (EngineProvider provider : ServiceLoader.load(EngineProvider.class)) {
            if (provider.engine() == this) {
                return provider.newFactory();
            }
        }
        throw new IllegalStateException("the " + id + " engine is not available: no EngineProvider for it");
    }

    public String id() {
        return id;
    }

    public static Engine parse(String name) {
        for (Engine e : values()) {
            if (e.id.equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine \"" + name + "\"; expected one of "
                + Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", ")));
    }
}
