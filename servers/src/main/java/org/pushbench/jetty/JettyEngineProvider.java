package org.pushbench.jetty;

import org.pushbench.server.Engine;
import org.pushbench.server.EngineProvider;
import org.pushbench.server.ServerFactory;

/** Makes the Jetty engine known to {@link Engine#newFactory()} (META-INF/services). */
public final class JettyEngineProvider implements EngineProvider {

    @Override
    public Engine engine() {
        return Engine.JETTY;
    }

    @Override
    public ServerFactory newFactory() {
        return new JettyEngine();
    }
}
