package org.pushbench.transport.sse;

import org.pushbench.protocol.ChatError;
import org.pushbench.transport.http.HttpExchange;
import org.pushbench.transport.http.ReadStrategy;
import org.pushbench.transport.http.RequestTarget;

/**
 * {@code GET /rooms/{room}/messages} on the Server-Sent Events server: refused (405), since this server is read
 * through {@code /rooms/{room}/events}; its messages path is for posting.
 */
public final class ReadThroughEvents implements ReadStrategy {

    @Override
    public void read(HttpExchange exchange, RequestTarget target) {
        throw ChatError.readThroughEvents(target.room());
    }
}
