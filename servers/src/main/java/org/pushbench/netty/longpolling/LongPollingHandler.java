package org.pushbench.netty.longpolling;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;

import org.pushbench.netty.HttpChatHandler;
import org.pushbench.protocol.ChatRoute;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.store.ReadResult;

/**
 * A long poll: answer at once when something is new; otherwise hold the request as a {@link HeldPoll} — a
 * store subscription and a timer, no thread — until a message arrives or the wait runs out.
 *
 * <p>One handler per connection, so at most one poll is held per connection. A client that pipelines another
 * request behind a held one gets the held one answered first (with what exists), keeping responses in order.
 */
final class LongPollingHandler extends HttpChatHandler {

    private final ServerConfig config;
    private HeldPoll held;

    LongPollingHandler(MessageStore store, TransportMetrics metrics, ServerConfig config) {
        super(store, metrics);
        this.config = config;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (held != null) {
            held.answerNow();
        }
        super.channelRead0(ctx, request);
    }

    @Override
    protected void onGet(ChannelHandlerContext ctx, FullHttpRequest request, ChatRoute route) {
        long holdMillis = config.holdMillis(route.waitMillis());
        if (holdMillis == 0) {
            answer(ctx, request, route, read(route));
            return;
        }
        // Subscribe before reading: a message appended between the two is then announced, never missed.
        var copy = new DefaultHttpRequest(request.protocolVersion(), request.method(), request.uri(),
                request.headers().copy());
        HeldPoll poll = new HeldPoll(ctx, store, route, metrics, result -> {
            held = null;
            answer(ctx, copy, route, result);
        });
        ReadResult now = read(route);
        if (!now.isEmpty() || now.gap()) {
            poll.abandon();
            answer(ctx, request, route, now);
            return;
        }
        held = poll;
        poll.hold(holdMillis);
    }

    private ReadResult read(ChatRoute route) {
        return store.read(route.room(), route.after(), store.retention());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (held != null) {
            held.abandon();
            held = null;
        }
        super.channelInactive(ctx);
    }
}
