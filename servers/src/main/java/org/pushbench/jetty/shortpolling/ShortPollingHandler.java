package org.pushbench.jetty.shortpolling;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.pushbench.jetty.HttpChatHandler;
import org.pushbench.protocol.ChatRoute;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;

/**
 * A short poll: read what is after the client's cursor and answer at once. The server never waits, so a client
 * learns of a message only at its next poll.
 */
final class ShortPollingHandler extends HttpChatHandler {

    ShortPollingHandler(MessageStore store, TransportMetrics metrics, ServerConfig config) {
        super(store, metrics, config);
    }

    @Override
    protected void onGet(Request request, Response response, Callback callback, ChatRoute route) {
        answer(request, response, callback, route, store.read(route.room(), route.after(), store.retention()));
    }
}
