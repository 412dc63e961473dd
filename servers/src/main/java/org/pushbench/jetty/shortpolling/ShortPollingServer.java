package org.pushbench.jetty.shortpolling;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

import org.pushbench.jetty.JettyChatServer;
import org.pushbench.jetty.JettyEngine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.store.MessageStore;

/** Short polling on Jetty: every GET is answered at once, with whatever is new or with {@code []}. */
public final class ShortPollingServer extends JettyChatServer {

    public ShortPollingServer(JettyEngine.Shared shared, int port, MessageStore store, ServerConfig config) {
        super(Transport.SHORT_POLLING, shared, port, store, config);
    }

    @Override
    protected Handler handler(Server server) {
        return new ShortPollingHandler(store, metrics, config);
    }
}
