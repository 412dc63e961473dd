package org.pushbench.launcher.demo;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * One simulated WebSocket member of the background crowd: it only listens. Pings are answered and close frames
 * handled by Netty's {@code WebSocketClientProtocolHandler} in front of it; delivered messages are dropped.
 */
final class CrowdWebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        // a listener: receiving the frame is the work the server is being shown doing
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
