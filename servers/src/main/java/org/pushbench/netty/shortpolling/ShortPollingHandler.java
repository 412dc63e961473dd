package org.pushbench.netty.shortpolling;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

import org.pushbench.netty.HttpChatHandler;
import org.pushbench.protocol.ChatRoute;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;

/**
 * A short poll: read what is after the client's cursor and answer at once. The server never waits, so a
 * client learns of a message only at its next poll — on average half a poll interval late.
 */
final class ShortPollingHandler extends HttpChatHandler {

    ShortPollingHandler(MessageStore store, TransportMetrics metrics) {
        super(store, metrics);
    }

    @Override
    protected void onGet(ChannelHandlerContext ctx, FullHttpRequest request, ChatRoute route) {
        answer(ctx, request, route, store.read(route.room(), route.after(), store.retention()));
    }
}
