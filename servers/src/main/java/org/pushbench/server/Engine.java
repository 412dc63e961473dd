package org.pushbench.server;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The server library a transport is built on. */
public enum Engine {
    NETTY("netty"),
    JETTY("jetty");

    private final String id;

    Engine(String id) {
        this.id = id;
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
