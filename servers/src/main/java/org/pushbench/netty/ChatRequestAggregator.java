package org.pushbench.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

import org.pushbench.protocol.ChatError;

/**
 * Netty's aggregator with the protocol's own answer to a body over the limit: {@code 413} with a JSON error,
 * then close (the rest of the body is not worth reading), whether the size was announced or only discovered.
 */
public final class ChatRequestAggregator extends HttpObjectAggregator {

    private final int maxContentLength;

    public ChatRequestAggregator(int maxContentLength) {
        super(maxContentLength);
        this.maxContentLength = maxContentLength;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        JsonReplies.errorAndClose(ctx, ChatError.tooLarge(maxContentLength));
    }
}
