package org.pushbench.netty;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Detects dead peers: once the connection is upgraded, sends a ping every interval and closes (1008) a
 * connection from which no frame at all — pong or any other — arrived within the pong timeout after it.
 * Counting any frame, not just pongs, means a busy client is never cut for a pong stuck behind its messages.
 */
final class KeepAliveHandler extends ChannelInboundHandlerAdapter {

    private final long intervalNanos;
    private final long timeoutNanos;
    private long lastReadNanos = System.nanoTime();
    private ScheduledFuture<?> pinger;

    KeepAliveHandler(Duration interval, Duration timeout) {
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
    }

    /** Starts pinging: called when the handshake is complete. */
    void start(ChannelHandlerContext ctx) {
        pinger = ctx.executor().scheduleAtFixedRate(() -> ping(ctx), intervalNanos, intervalNanos,
                TimeUnit.NANOSECONDS);
    }

    private void ping(ChannelHandlerContext ctx) {
        long sentAt = System.nanoTime();
        ctx.channel().writeAndFlush(new PingWebSocketFrame());
        ctx.executor().schedule(() -> {
            if (lastReadNanos - sentAt < 0 && ctx.channel().isActive()) {
                ctx.channel().writeAndFlush(new CloseWebSocketFrame(1008, "pong timeout"))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        lastReadNanos = System.nanoTime();
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (pinger != null) {
            pinger.cancel(false);
        }
        super.channelInactive(ctx);
    }
}
