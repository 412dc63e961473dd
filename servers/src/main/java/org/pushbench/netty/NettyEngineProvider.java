package org.pushbench.netty;

import org.pushbench.server.Engine;
import org.pushbench.server.EngineProvider;
import org.pushbench.server.ServerFactory;

/** Makes the Netty engine known to {@link Engine#newFactory()} (META-INF/services). */
public final class NettyEngineProvider implements EngineProvider {

    @Override
    public Engine engine() {
        return Engine.NETTY;
    }

    @Override
    public ServerFactory newFactory() {
        return new NettyEngine();
    }
}
