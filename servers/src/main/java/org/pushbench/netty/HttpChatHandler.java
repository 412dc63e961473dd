package org.pushbench.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.TooLongHttpHeaderException;

import org.pushbench.protocol.ChatError;
import org.pushbench.transport.http.MessagesResource;
import org.pushbench.transport.http.PendingAnswer;

/**
 * The polling servers' adapter: hands each whole request to the core's {@link MessagesResource} as a
 * {@link NettyExchange}, and tells a request the core holds of the client's next bytes or departure. One per
 * connection, so at most one request is held per connection.
 */
final class HttpChatHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final byte[] NO_BODY = new byte[0];

    private final MessagesResource resource;
    private PendingAnswer held;

    HttpChatHandler(MessagesResource resource) {
        this.resource = resource;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (held != null) {
            held.clientSpoke();
        }
        if (!request.decoderResult().isSuccess()) {
            JsonReplies.errorAndClose(ctx, request.decoderResult().cause() instanceof TooLongHttpHeaderException
                    ? ChatError.headersTooLarge(HttpFront.MAX_HEADER_BYTES) : ChatError.unparsable());
            return;
        }
        // Host only matters beside an Origin: a benchmark's held poll keeps neither string.
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        String host = origin == null ? null : request.headers().get(HttpHeaderNames.HOST);
        resource.handle(new NettyExchange(ctx, new NettyExchange.Head(request.method().name(), request.uri(), origin,
                host), request.content().isReadable() ? ByteBufUtil.getBytes(request.content()) : NO_BODY,
                JsonReplies.KeepAlive.of(request), this));
    }

    void holding(PendingAnswer pending) {
        held = pending;
    }

    void released() {
        held = null;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (held != null) {
            held.clientLeft();
        }
        super.channelInactive(ctx);
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
