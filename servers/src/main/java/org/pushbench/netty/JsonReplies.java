package org.pushbench.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import org.pushbench.protocol.ChatError;

/**
 * Writes the polling servers' responses: a JSON body with {@code content-type} and {@code content-length} and
 * nothing else (no Date, no Server), so header bytes are the protocol's own. Honours keep-alive.
 */
public final class JsonReplies {

    private JsonReplies() {
    }

    /** Answers a request; closes the connection afterwards when the request asked for it. */
    public static void send(ChannelHandlerContext ctx, HttpRequest request, HttpResponseStatus status, byte[] json) {
        send(ctx, request, response(status, json));
    }

    /** Answers with one extra header, such as {@code Allow} on a 405. */
    public static void sendWithHeader(ChannelHandlerContext ctx, HttpRequest request, HttpResponseStatus status,
            byte[] json, CharSequence name, String value) {
        FullHttpResponse response = response(status, json);
        response.headers().set(name, value);
        send(ctx, request, response);
    }

    /** Answers a request with a response built elsewhere (any body); keep-alive as for the JSON answers. */
    public static void send(ChannelHandlerContext ctx, HttpRequest request, FullHttpResponse response) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Answers an error; see {@link ChatError#toJson()}. */
    public static void error(ChannelHandlerContext ctx, HttpRequest request, ChatError error) {
        send(ctx, request, HttpResponseStatus.valueOf(error.status()), error.toJson());
    }

    /** Answers an error and closes: for requests the server could not even read whole. */
    public static void errorAndClose(ChannelHandlerContext ctx, ChatError error) {
        FullHttpResponse response = response(HttpResponseStatus.valueOf(error.status()), error.toJson());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] json) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(json));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        return response;
    }
}
