package org.pushbench.server;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The server library a transport is built on. Each engine lives in its own package and is found by the name of
 * its {@link ServerFactory} class, so that this package does not depend on any engine.
 */
public enum Engine {
    NETTY("netty", "org.pushbench.netty.NettyEngine"),
    JETTY("jetty", "org.pushbench.jetty.JettyEngine");

    private final String id;
    private final String factoryClass;

    Engine(String id, String factoryClass) {
        this.id = id;
        this.factoryClass = factoryClass;
    }

    /**
     * A new factory of this engine's servers (it owns the engine's event loops or thread pool; close it after
     * its servers).
     */
    public ServerFactory newFactory() {
        try {
            return (ServerFactory) Class.forName(factoryClass).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the " + id + " engine is not available: " + e, e);
        }
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
