package org.pushbench.launcher.demo;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * One simulated polling member of the background crowd: asks for the messages after its cursor, moves the
 * cursor to the last id it got, and asks again after {@code pauseMillis} (a short poller) or at once with a
 * {@code wait} (a long poller), on one keep-alive connection.
 */
final class CrowdPollerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RETRY_MILLIS = 1000;

    private final String host;
    private final String room;
    private final long pauseMillis;
    private final long waitMillis;
    private long after;

    /**
     * @param pauseMillis time between an answer and the next request
     * @param waitMillis  the long-poll hold to ask for, or -1 for a short poller
     */
    CrowdPollerHandler(String host, String room, long after, long pauseMillis, long waitMillis) {
        this.host = host;
        this.room = room;
        this.after = after;
        this.pauseMillis = pauseMillis;
        this.waitMillis = waitMillis;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        poll(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) throws IOException {
        long pause = pauseMillis;
        if (response.status().equals(HttpResponseStatus.OK)) {
            JsonNode messages = read(response);
            if (messages.size() > 0) {
                after = messages.get(messages.size() - 1).get("id").asLong();
            }
        } else if (response.status().equals(HttpResponseStatus.GONE)) {
            after = read(response).get("oldest").asLong() - 1;
        } else {
            pause = Math.max(pause, RETRY_MILLIS);
        }
        if (pause > 0) {
            ctx.executor().schedule(() -> poll(ctx), pause, TimeUnit.MILLISECONDS);
        } else {
            poll(ctx);
        }
    }

    private static JsonNode read(FullHttpResponse response) throws IOException {
        try (var in = new ByteBufInputStream(response.content())) {
            return JSON.readTree(in);
        }
    }

    private void poll(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        String uri = "/rooms/" + room + "/messages?after=" + after + (waitMillis >= 0 ? "&wait=" + waitMillis : "");
        var request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        request.headers().set(HttpHeaderNames.HOST, host);
        ctx.writeAndFlush(request);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
