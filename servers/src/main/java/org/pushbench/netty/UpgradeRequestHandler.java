package org.pushbench.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.AttributeKey;

import org.pushbench.protocol.ChatError;
import org.pushbench.server.ServerConfig;
import org.pushbench.transport.http.RequestTarget;
import org.pushbench.transport.websocket.UpgradeCheck;

/**
 * Runs the core's {@link UpgradeCheck} before Netty's handshake sees the request; a refusal gets the protocol's
 * JSON error. Stores the parsed target on the channel for {@link RoomStreamHandler}.
 */
final class UpgradeRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final AttributeKey<RequestTarget> TARGET = AttributeKey.valueOf("pushbench.target");

    private final UpgradeCheck check;

    UpgradeRequestHandler(ServerConfig config) {
        super(false);
        this.check = new UpgradeCheck(config);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        try {
            if (!request.decoderResult().isSuccess()) {
                request.release();
                JsonReplies.errorAndClose(ctx, ChatError.unparsable());
                return;
            }
            RequestTarget target = check.check(request.method().name(), request.uri(), request.headers()::get);
            ctx.channel().attr(TARGET).set(target);
            ctx.fireChannelRead(request);
        } catch (ChatError e) {
            JsonReplies.error(ctx, request, e);
            request.release();
        }
    }
}
