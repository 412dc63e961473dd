package org.pushbench.netty;

import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

import org.pushbench.server.TransportMetrics;

/**
 * Admits at most {@code maxConnections} connections per server and counts them open and closed. A connection
 * beyond the limit is closed at once, before it can cost a buffer or a subscription.
 */
@Sharable
public final class ConnectionGate extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<Boolean> ADMITTED = AttributeKey.valueOf("pushbench.admitted");

    private final TransportMetrics metrics;
    private final int maxConnections;
    private final ChannelGroup connections;
    private final AtomicInteger admitted = new AtomicInteger();

    ConnectionGate(TransportMetrics metrics, int maxConnections, ChannelGroup connections) {
        this.metrics = metrics;
        this.maxConnections = maxConnections;
        this.connections = connections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (admitted.incrementAndGet() > maxConnections) {
            admitted.decrementAndGet();
            metrics.connectionRefused();
            ctx.close();
            return;
        }
        ctx.channel().attr(ADMITTED).set(Boolean.TRUE);
        connections.add(ctx.channel());
        metrics.connectionOpened();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().attr(ADMITTED).getAndSet(null) != null) {
            admitted.decrementAndGet();
            metrics.connectionClosed();
            super.channelInactive(ctx);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (ctx.channel().attr(ADMITTED).get() != null) {
            super.channelRead(ctx, msg);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }
}
