package org.pushbench.jetty.longpolling;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

import org.pushbench.jetty.JettyChatServer;
import org.pushbench.jetty.JettyEngine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.store.MessageStore;

/** Long polling on Jetty: a GET with nothing new is held, without a thread, until a message or its timeout. */
public final class LongPollingServer extends JettyChatServer {

    public LongPollingServer(JettyEngine.Shared shared, int port, MessageStore store, ServerConfig config) {
        super(Transport.LONG_POLLING, shared, port, store, config);
    }

    @Override
    protected Handler handler(Server server) {
        return new LongPollingHandler(store, metrics, config, shared.scheduler());
    }
}
