package org.pushbench.transport.http;

import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.ChatJson;
import org.pushbench.protocol.SentMessage;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.Message;
import org.pushbench.store.MessageStore;
import org.pushbench.store.StoreFullException;

/**
 * {@code /rooms/{room}/messages} on every HTTP transport: routing and validation, the {@link CrossOrigin} rule,
 * POST (append, {@code 201}), OPTIONS (a CORS preflight), the protocol's error answers, and GET by the
 * transport's {@link ReadStrategy}. Stateless and thread-safe: one
 * per server.
 */
public final class MessagesResource {

    private final MessageStore store;
    private final TransportMetrics metrics;
    private final ReadStrategy reads;
    private final CrossOrigin crossOrigin;

    public MessagesResource(MessageStore store, TransportMetrics metrics, ReadStrategy reads, ServerConfig config) {
        this.store = store;
        this.metrics = metrics;
        this.reads = reads;
        this.crossOrigin = new CrossOrigin(config);
    }

    /** Answers one whole request, now or (a held read) later. */
    public void handle(HttpExchange request) {
        metrics.httpRequest();
        HttpExchange exchange = request;
        try {
            exchange = crossOrigin.admit(request);
            RequestTarget target = RequestTarget.parse(exchange.target());
            if (target.kind() != RequestTarget.Kind.MESSAGES) {
                throw ChatError.notFound(exchange.target());
            }
            switch (exchange.method()) {
                case "POST" -> exchange.answer(post(target, exchange.body()));
                case "GET" -> reads.read(exchange, target);
                case "OPTIONS" -> exchange.answer(CrossOrigin.PREFLIGHT);
                default -> throw ChatError.methodNotAllowed(exchange.method(), "GET, POST, OPTIONS");
            }
        } catch (ChatError e) {
            exchange.answer(Answer.error(e));
        } catch (StoreFullException e) {
            exchange.answer(Answer.error(ChatError.unavailable(e.getMessage())));
        }
    }

    private Answer post(RequestTarget target, byte[] body) {
        SentMessage sent = ChatJson.parseSent(body);
        Message stored = store.append(target.room(), sent.from(), sent.text(), sent.stamp());
        metrics.messageAppended();
        return Answer.of(201, ChatJson.posted(stored.id()));
    }
}
