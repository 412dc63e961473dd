package org.pushbench.server;

import org.pushbench.store.MessageStore;

/** What an engine provides: the four transports behind {@link ChatServer}. */
public interface ServerFactory extends AutoCloseable {

    Engine engine();

    /** Creates an unstarted server of a transport on the given store; the port comes from the config. */
    ChatServer create(Transport transport, int port, MessageStore store, ServerConfig config);

    /** Releases what the engine shares between its servers (event loops, thread pools). */
    @Override
    void close();
}
