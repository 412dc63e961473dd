package org.pushbench.transport.http;

import java.util.concurrent.Executor;

import org.pushbench.transport.TaskTimer;

/** A request from an allowed browser origin: every answer names that origin, so the page may read it. */
final class AllowedOriginExchange implements HttpExchange {

    private final HttpExchange exchange;
    private final String origin;

    AllowedOriginExchange(HttpExchange exchange, String origin) {
        this.exchange = exchange;
        this.origin = origin;
    }

    @Override
    public void answer(Answer answer) {
        exchange.answer(answer.withHeader("Access-Control-Allow-Origin", origin));
    }

    @Override
    public String method() {
        return exchange.method();
    }

    @Override
    public String target() {
        return exchange.target();
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String host() {
        return exchange.host();
    }

    @Override
    public byte[] body() {
        return exchange.body();
    }

    @Override
    public Executor serial() {
        return exchange.serial();
    }

    @Override
    public TaskTimer timer() {
        return exchange.timer();
    }

    @Override
    public void holding(PendingAnswer pending) {
        exchange.holding(pending);
    }

    @Override
    public void released() {
        exchange.released();
    }
}
