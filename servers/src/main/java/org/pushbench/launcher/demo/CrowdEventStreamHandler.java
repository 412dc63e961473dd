package org.pushbench.launcher.demo;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * One simulated Server-Sent Events member of the background crowd: opens the room's event stream and only
 * listens; the events' chunks are dropped as they arrive (no aggregator: the response never ends). A stream the
 * server ends closes the member.
 */
final class CrowdEventStreamHandler extends SimpleChannelInboundHandler<HttpObject> {

    private final String host;
    private final String room;
    private final long after;

    CrowdEventStreamHandler(String host, String room, long after) {
        this.host = host;
        this.room = room;
        this.after = after;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        var request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                "/rooms/" + room + "/events?after=" + after);
        request.headers().set(HttpHeaderNames.HOST, host);
        ctx.writeAndFlush(request);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject part) {
        // a listener: receiving the event is the work the server is being shown doing
        if (part instanceof LastHttpContent) {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
