package org.pushbench.netty.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AttributeKey;

import org.pushbench.netty.JsonReplies;
import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.ChatRoute;
import org.pushbench.server.ServerConfig;

/**
 * Checks an upgrade request before Netty's handshake sees it: the path must be {@code /rooms/{room}/ws}, the
 * method GET, the request a WebSocket upgrade, and a browser's {@code Origin} this server's own or an allowed
 * one (so a page from another site cannot open a chat connection with the user's cookies). Anything else gets the
 * protocol's JSON error. Stores the parsed route on the channel for {@link RoomStreamHandler}.
 */
final class UpgradeRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final AttributeKey<ChatRoute> ROUTE = AttributeKey.valueOf("pushbench.route");

    private final ServerConfig config;

    UpgradeRequestHandler(ServerConfig config) {
        super(false);
        this.config = config;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        try {
            if (!request.decoderResult().isSuccess()) {
                request.release();
                JsonReplies.errorAndClose(ctx, ChatError.badRequest("the request could not be parsed as HTTP/1.1"));
                return;
            }
            ChatRoute route = ChatRoute.parse(request.uri());
            if (route.kind() != ChatRoute.Kind.WEBSOCKET) {
                throw ChatError.notFound(request.uri());
            }
            if (!request.method().equals(HttpMethod.GET)) {
                throw ChatError.methodNotAllowed(request.method().name(), "GET");
            }
            if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                throw new ChatError(HttpResponseStatus.UPGRADE_REQUIRED.code(), "bad_request",
                        "this path is a WebSocket: send an Upgrade: websocket request");
            }
            String origin = request.headers().get(HttpHeaderNames.ORIGIN);
            if (origin != null && !config.originAllowed(origin, request.headers().get(HttpHeaderNames.HOST))) {
                throw new ChatError(403, "forbidden", "Origin " + origin + " is not allowed");
            }
            ctx.channel().attr(ROUTE).set(route);
            ctx.fireChannelRead(request);
        } catch (ChatError e) {
            JsonReplies.error(ctx, request, e);
            request.release();
        }
    }
}
