package org.pushbench.jetty.longpolling;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import org.pushbench.jetty.ChatEndPoint;
import org.pushbench.jetty.HttpChatHandler;
import org.pushbench.protocol.ChatRoute;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;

/**
 * A long poll: answer at once when something is new; otherwise hold the request as a {@link HeldPoll} — a store
 * subscription, a timer and a read interest, no thread: {@link #handle} returns at once and the poll completes
 * Jetty's callback later, from the append that wakes it, its timer, or the client's next bytes or disconnection.
 */
final class LongPollingHandler extends HttpChatHandler {

    private final ServerConfig config;
    private final Scheduler scheduler;

    LongPollingHandler(MessageStore store, TransportMetrics metrics, ServerConfig config, Scheduler scheduler) {
        super(store, metrics, config);
        this.config = config;
        this.scheduler = scheduler;
    }

    @Override
    protected void onGet(Request request, Response response, Callback callback, ChatRoute route) {
        long holdMillis = config.holdMillis(route.waitMillis());
        if (holdMillis == 0) {
            answer(request, response, callback, route, store.read(route.room(), route.after(), store.retention()));
            return;
        }
        HeldPoll poll = new HeldPoll(store, route, metrics, new ReadInterest(ChatEndPoint.of(request)),
                result -> answer(request, response, callback, route, result));
        // A failure Jetty sees itself (the server stopping, a write failing): drop the registration, fail the exchange.
        request.addFailureListener(failure -> {
            if (poll.abandon()) {
                callback.failed(failure);
            }
        });
        poll.answerOrHold(scheduler, holdMillis);
    }
}
