package org.pushbench.server;

/**
 * How an engine makes itself known: each engine package has one, listed in
 * {@code META-INF/services/org.pushbench.server.EngineProvider}, so that {@link Engine#newFactory()} finds it
 * through {@link java.util.ServiceLoader} and this package depends on no engine.
 */
public interface EngineProvider {

    /** Which engine this is. Cheap: it must not start anything. */
    Engine engine();

    /** A new factory of the engine's servers (it owns the engine's event loops or thread pool). */
    ServerFactory newFactory();
}
