package org.pushbench.netty.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Right behind the HTTP codec: tells the connection's {@link org.pushbench.server.DemoConnection} of each request
 * (whose {@code client} parameter names the demo client) and of each {@code 200 []} answer.
 */
@ChannelHandler.Sharable
public final class DemoRequestTagHandler extends ChannelDuplexHandler {

    private static final ByteBuf EMPTY_ARRAY = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer(new byte[] {'[', ']'}).asReadOnly());

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            ctx.channel().attr(DemoTrafficHandler.CONNECTION).get().request(request.uri());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof FullHttpResponse response && response.status().equals(HttpResponseStatus.OK)
                && ByteBufUtil.equals(response.content(), EMPTY_ARRAY)) {
            ctx.channel().attr(DemoTrafficHandler.CONNECTION).get().emptyResponse();
        }
        ctx.write(msg, promise);
    }
}
