package org.pushbench.launcher.demo;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import org.pushbench.netty.JsonReplies;

/**
 * In the admin port's pipeline, before the admin handler: answers the demo's paths ({@link DemoRoutes#isDemoPath})
 * and lets every other request through.
 */
@Sharable
final class DemoHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final DemoRoutes routes;

    DemoHttpHandler(DemoRoutes routes) {
        this.routes = routes;
    }

    @Override
    public boolean acceptInboundMessage(Object msg) {
        return msg instanceof FullHttpRequest request && DemoRoutes.isDemoPath(request.uri());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        DemoResponse answer = routes.handle(request.method().name(), request.uri());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        if (answer.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        if (answer.allow() != null) {
            response.headers().set(HttpHeaderNames.ALLOW, answer.allow());
        }
        JsonReplies.send(ctx, request, response);
    }
}
