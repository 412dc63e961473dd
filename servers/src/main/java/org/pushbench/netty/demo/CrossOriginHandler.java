package org.pushbench.netty.demo;

import java.util.ArrayDeque;
import java.util.Queue;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;

import org.pushbench.server.CrossOrigin;
import org.pushbench.server.ServerConfig;

/**
 * Behind the HTTP codec of a polling server: lets an allowed browser page read the answer to its request
 * ({@code Access-Control-Allow-Origin}); a request without {@code Origin} gets no header. Answers go out in
 * request order, so each response takes the origin of the oldest unanswered request. One per connection.
 */
public final class CrossOriginHandler extends ChannelDuplexHandler {

    private final ServerConfig config;
    private final Queue<String> origins = new ArrayDeque<>();

    public CrossOriginHandler(ServerConfig config) {
        this.config = config;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            String allowed = CrossOrigin.allowOriginHeader(config, request.headers().get(HttpHeaderNames.ORIGIN));
            origins.add(allowed == null ? "" : allowed);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            String allowed = origins.poll();
            if (allowed != null && !allowed.isEmpty()) {
                response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
            }
        }
        ctx.write(msg, promise);
    }
}
