package org.pushbench.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;

import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.ChatJson;
import org.pushbench.protocol.ChatRoute;
import org.pushbench.protocol.SentMessage;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.Message;
import org.pushbench.store.MessageStore;
import org.pushbench.store.ReadResult;
import org.pushbench.store.StoreFullException;

/**
 * What the two polling servers share: routing {@code /rooms/{room}/messages}, POST (append, {@code 201}), the
 * error answers of docs/PROTOCOL.md, and answering a read. A transport decides only how a GET is answered.
 */
public abstract class HttpChatHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    protected final MessageStore store;
    protected final TransportMetrics metrics;

    protected HttpChatHandler(MessageStore store, TransportMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** Answers {@code GET /rooms/{room}/messages?after=N...}. */
    protected abstract void onGet(ChannelHandlerContext ctx, FullHttpRequest request, ChatRoute route);

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        metrics.httpRequest();
        if (!request.decoderResult().isSuccess()) {
            Throwable cause = request.decoderResult().cause();
            JsonReplies.errorAndClose(ctx, cause instanceof TooLongHttpHeaderException
                    ? new ChatError(431, "too_large", "the request headers are larger than " + PollingPipeline.MAX_HEADER_BYTES + " bytes")
                    : ChatError.badRequest("the request could not be parsed as HTTP/1.1"));
            return;
        }
        try {
            ChatRoute route = ChatRoute.parse(request.uri());
            if (route.kind() != ChatRoute.Kind.MESSAGES) {
                throw ChatError.notFound(request.uri());
            }
            if (request.method().equals(HttpMethod.POST)) {
                onPost(ctx, request, route);
            } else if (request.method().equals(HttpMethod.GET)) {
                onGet(ctx, request, route);
            } else {
                JsonReplies.sendWithHeader(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED,
                        ChatError.methodNotAllowed(request.method().name(), "GET or POST").toJson(),
                        HttpHeaderNames.ALLOW, "GET, POST");
            }
        } catch (ChatError e) {
            JsonReplies.error(ctx, request, e);
        } catch (StoreFullException e) {
            JsonReplies.error(ctx, request, ChatError.unavailable(e.getMessage()));
        }
    }

    private void onPost(ChannelHandlerContext ctx, FullHttpRequest request, ChatRoute route) {
        byte[] body = new byte[request.content().readableBytes()];
        request.content().readBytes(body);
        SentMessage sent = ChatJson.parseSent(body);
        Message stored = store.append(route.room(), sent.from(), sent.text(), sent.stamp());
        metrics.messageAppended();
        JsonReplies.send(ctx, request, HttpResponseStatus.CREATED, ChatJson.posted(stored.id()));
    }

    /** Answers a read: {@code 410} for a gap, else {@code 200} and the array (counted as empty when it is). */
    protected void answer(ChannelHandlerContext ctx, HttpRequest request, ChatRoute route, ReadResult result) {
        if (result.gap()) {
            JsonReplies.send(ctx, request, HttpResponseStatus.GONE, ChatJson.gap(route.after(), result.oldestRetained()));
            return;
        }
        if (result.isEmpty()) {
            metrics.emptyResponse();
        } else {
            metrics.messagesDelivered(result.messages().size());
        }
        JsonReplies.send(ctx, request, HttpResponseStatus.OK, ChatJson.array(result.messages()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            JsonReplies.errorAndClose(ctx, ChatError.badRequest(cause.getMessage()));
        } else {
            ctx.close();
        }
    }
}
