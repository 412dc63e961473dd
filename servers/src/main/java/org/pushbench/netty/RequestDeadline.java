package org.pushbench.netty;

import java.time.Duration;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Feeds the core's {@link org.pushbench.transport.http.RequestDeadline} from the pipeline: a whole request is the
 * end of its content on the way in, an answer the end of its content on the way out. Removed when the connection
 * is upgraded.
 */
final class RequestDeadline extends ChannelDuplexHandler {

    private final Duration timeout;
    private org.pushbench.transport.http.RequestDeadline deadline;

    RequestDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = new org.pushbench.transport.http.RequestDeadline(LoopTimer.on(ctx.executor()), timeout, ctx::close);
        if (ctx.channel().isActive()) {
            deadline.opened();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        deadline.opened();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof LastHttpContent) {
            deadline.requestArrived();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            deadline.answered();
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        deadline.stop();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        deadline.stop();
        super.channelInactive(ctx);
    }
}
