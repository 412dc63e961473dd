package org.pushbench.netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;

import org.pushbench.transport.stream.StreamClose;

/**
 * The last handler of the WebSocket pipeline, what every member connection does whatever it serves: once the
 * handshake is done, the request deadline gives way to the keep-alive pings; a protocol violation closes with its
 * RFC 6455 code (1002, 1007 for invalid UTF-8, 1009 for a message over the limit), through the protocol handler, so
 * that it is the one close frame the server sends. The room stream ({@link RoomStreamHandler}) and the conformance suite's echo extend it.
 */
abstract class WebSocketMemberHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    @Override
    public final void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (!(event instanceof HandshakeComplete)) {
            super.userEventTriggered(ctx, event);
            return;
        }
        ctx.pipeline().remove("deadline");
        ((KeepAliveHandler) ctx.pipeline().get("keepalive")).start(ctx.pipeline().context("keepalive"));
        opened(ctx);
    }

    /** The handshake is done: the connection is a WebSocket now. */
    abstract void opened(ChannelHandlerContext ctx);

    /** Sends a close frame, then closes the connection. */
    static void close(ChannelHandlerContext ctx, StreamClose why) {
        ctx.writeAndFlush(new CloseWebSocketFrame(why.code(), why.reason())).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException violation) {
            ctx.writeAndFlush(new CloseWebSocketFrame(violation.closeStatus())).addListener(ChannelFutureListener.CLOSE);
        } else if (cause instanceof TooLongFrameException) {
            close(ctx, StreamClose.TOO_BIG);
        } else {
            ctx.close();
        }
    }
}
