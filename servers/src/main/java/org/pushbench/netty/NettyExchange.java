package org.pushbench.netty;

import java.util.concurrent.Executor;

import io.netty.channel.ChannelHandlerContext;

import org.pushbench.transport.TaskTimer;
import org.pushbench.transport.http.Answer;
import org.pushbench.transport.http.HttpExchange;
import org.pushbench.transport.http.PendingAnswer;

/**
 * One request on a Netty connection: its event loop is the serial executor and the timer, so every transition
 * of a held poll runs there and answers leave in request order.
 */
final class NettyExchange implements HttpExchange {

    private final ChannelHandlerContext ctx;
    private final String method;
    private final String target;
    private final byte[] body;
    private final JsonReplies.KeepAlive connection;
    private final HttpChatHandler handler;

    NettyExchange(ChannelHandlerContext ctx, String method, String target, byte[] body,
            JsonReplies.KeepAlive connection, HttpChatHandler handler) {
        this.ctx = ctx;
        this.method = method;
        this.target = target;
        this.body = body;
        this.connection = connection;
        this.handler = handler;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public void answer(Answer answer) {
        JsonReplies.send(ctx, connection, answer);
    }

    @Override
    public Executor serial() {
        return ctx.executor();
    }

    @Override
    public TaskTimer timer() {
        return LoopTimer.on(ctx.executor());
    }

    @Override
    public void holding(PendingAnswer pending) {
        handler.holding(pending);
    }

    @Override
    public void released() {
        handler.released();
    }
}
