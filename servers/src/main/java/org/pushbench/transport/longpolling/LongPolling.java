package org.pushbench.transport.longpolling;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.store.ReadResult;
import org.pushbench.transport.http.HttpExchange;
import org.pushbench.transport.http.ReadAnswers;
import org.pushbench.transport.http.ReadStrategy;
import org.pushbench.transport.http.RequestTarget;

/**
 * A long poll: answer at once when something is new; otherwise hold the request as a {@link HeldPoll} — a store
 * subscription and a timer, no thread — until a message arrives, the wait runs out or the client moves on.
 */
public final class LongPolling implements ReadStrategy {

    private final MessageStore store;
    private final TransportMetrics metrics;
    private final ServerConfig config;
    private final ReadAnswers answers;

    public LongPolling(MessageStore store, TransportMetrics metrics, ServerConfig config) {
        this.store = store;
        this.metrics = metrics;
        this.config = config;
        this.answers = new ReadAnswers(metrics, config.maxAnswerBytes());
    }

    @Override
    public void read(HttpExchange exchange, RequestTarget target) {
        long holdMillis = config.holdMillis(target.waitMillis());
        if (holdMillis == 0) {
            exchange.answer(answers.of(target, store.read(target.room(), target.after(), store.retention())));
            return;
        }
        new HeldPoll(store, target, exchange.serial(), new HeldPoll.Outcome() {
            @Override
            public void held(HeldPoll poll) {
                metrics.requestHeld();
                exchange.holding(poll);
            }

            @Override
            public void released() {
                metrics.heldRequestReleased();
                exchange.released();
            }

            @Override
            public void answer(ReadResult result) {
                exchange.answer(answers.of(target, result));
            }
        }).answerOrHold(exchange.timer(), holdMillis);
    }
}
