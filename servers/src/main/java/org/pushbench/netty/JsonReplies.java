package org.pushbench.netty;

import java.util.Map;

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
import org.pushbench.transport.http.Answer;

/**
 * Writes the core's {@link Answer}s as Netty responses: a JSON body with {@code content-type} and
 * {@code content-length} (none on a 204), the answer's own headers and nothing else. Honours keep-alive.
 */
public final class JsonReplies {

    private JsonReplies() {
    }

    /** Whether the connection stays open after answering a request, and how to say so to an HTTP/1.0 client. */
    public record KeepAlive(boolean keepAlive, boolean http10) {
        public static KeepAlive of(HttpRequest request) {
            return new KeepAlive(HttpUtil.isKeepAlive(request), request.protocolVersion().equals(HttpVersion.HTTP_1_0));
        }
    }

    /** Answers a request; closes the connection afterwards when the request or the answer asks for it. */
    public static void send(ChannelHandlerContext ctx, KeepAlive connection, Answer answer) {
        write(ctx, connection.keepAlive() && !answer.close(), connection.http10(), response(answer));
    }

    /** Answers with a response built elsewhere (the admin port's pages); keep-alive as for the JSON answers. */
    public static void send(ChannelHandlerContext ctx, HttpRequest request, FullHttpResponse response) {
        KeepAlive connection = KeepAlive.of(request);
        write(ctx, connection.keepAlive(), connection.http10(), response);
    }

    private static void write(ChannelHandlerContext ctx, boolean keepAlive, boolean http10, FullHttpResponse response) {
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Answers an error; see {@link ChatError#toJson()}. */
    public static void error(ChannelHandlerContext ctx, HttpRequest request, ChatError error) {
        send(ctx, KeepAlive.of(request), Answer.error(error));
    }

    /** Answers an error and closes: for requests the server could not even read whole. */
    public static void errorAndClose(ChannelHandlerContext ctx, ChatError error) {
        send(ctx, new KeepAlive(false, false), Answer.errorAndClose(error));
    }

    private static FullHttpResponse response(Answer answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.json()));
        if (answer.status() != HttpResponseStatus.NO_CONTENT.code()) {
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.json().length);
        }
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            response.headers().set(h.getKey(), h.getValue());
        }
        return response;
    }
}
