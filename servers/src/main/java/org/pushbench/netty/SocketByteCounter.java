package org.pushbench.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

import org.pushbench.server.TransportMetrics;

/**
 * The first handler of every pipeline: counts every byte read from and written to the socket, so headers,
 * handshakes, frame headers and control frames are all in the figures.
 */
@Sharable
public final class SocketByteCounter extends ChannelDuplexHandler {

    private final TransportMetrics metrics;

    public SocketByteCounter(TransportMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf buf) {
            metrics.bytesRead(buf.readableBytes());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf buf) {
            metrics.bytesWritten(buf.readableBytes());
        }
        super.write(ctx, msg, promise);
    }
}
