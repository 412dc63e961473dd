package org.pushbench.transport.polling;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.transport.http.HttpExchange;
import org.pushbench.transport.http.ReadAnswers;
import org.pushbench.transport.http.ReadStrategy;
import org.pushbench.transport.http.RequestTarget;

/**
 * A short poll: read what is after the client's cursor and answer at once. The server never waits, so a client
 * learns of a message only at its next poll — on average half a poll interval late.
 */
public final class ShortPolling implements ReadStrategy {

    private final MessageStore store;
    private final ReadAnswers answers;

    public ShortPolling(MessageStore store, TransportMetrics metrics, ServerConfig config) {
        this.store = store;
        this.answers = new ReadAnswers(metrics, config.maxAnswerBytes());
    }

    @Override
    public void read(HttpExchange exchange, RequestTarget target) {
        exchange.answer(answers.of(target, store.read(target.room(), target.after(), store.retention())));
    }
}
