package org.pushbench.netty;

import java.time.Duration;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;

import org.pushbench.transport.stream.KeepAlive;
import org.pushbench.transport.stream.StreamClose;

/**
 * The WebSocket side of the core's {@link KeepAlive}: in front of the frame decoder, so that every frame read
 * counts as a sign of life; pings and the timeout close go out on the connection's event loop.
 */
final class KeepAliveHandler extends ChannelInboundHandlerAdapter {

    private final Duration interval;
    private final Duration timeout;
    private KeepAlive keepAlive;

    KeepAliveHandler(Duration interval, Duration timeout) {
        this.interval = interval;
        this.timeout = timeout;
    }

    /** Starts pinging: called when the handshake is complete. */
    void start(ChannelHandlerContext ctx) {
        keepAlive = new KeepAlive(LoopTimer.on(ctx.executor()), interval, timeout, new KeepAlive.Peer() {
            @Override
            public void probe() {
                ctx.channel().writeAndFlush(new PingWebSocketFrame());
            }

            @Override
            public void silent() {
                if (ctx.channel().isActive()) {
                    StreamClose why = StreamClose.PONG_TIMEOUT;
                    ctx.channel().writeAndFlush(new CloseWebSocketFrame(why.code(), why.reason()))
                            .addListener(ChannelFutureListener.CLOSE);
                }
            }
        });
        keepAlive.start();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (keepAlive != null) {
            keepAlive.heard();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (keepAlive != null) {
            keepAlive.stop();
        }
        super.channelInactive(ctx);
    }
}
