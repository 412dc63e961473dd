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
    private final Head head;
    private final byte[] body;
    private final JsonReplies.KeepAlive connection;
    private final HttpChatHandler handler;

    /** What the core reads of the request's head; {@code origin} and {@code host} are null when absent. */
    record Head(String method, String target, String origin, String host) {
    }

    NettyExchange(ChannelHandlerContext ctx, Head head, byte[] body, JsonReplies.KeepAlive connection,
            HttpChatHandler handler) {
        this.ctx = ctx;
        this.head = head;
        this.body = body;
        this.connection = connection;
        this.handler = handler;
    }

    @Override
    public String method() {
        return head.method();
    }

    @Override
    public String target() {
        return head.target();
    }

    @Override
    public String origin() {
        return head.origin();
    }

    @Override
    public String host() {
        return head.host();
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
