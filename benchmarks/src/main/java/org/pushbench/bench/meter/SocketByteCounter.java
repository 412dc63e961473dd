package org.pushbench.bench.meter;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * The first handler of every client pipeline: counts each byte read from and written to the socket, for the
 * connection (so a client can measure one exchange) and for its {@link WireMeter} (so a run has a total).
 * One instance per channel; its fields are read on the channel's event loop only.
 */
public final class SocketByteCounter extends ChannelDuplexHandler implements ByteCount {

    private final WireMeter meter;
    private long read;
    private long written;

    public SocketByteCounter(WireMeter meter) {
        this.meter = meter;
    }

    @Override
    public long read() {
        return read;
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            read += buf.readableBytes();
            meter.socketRead(buf.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            written += buf.readableBytes();
            meter.socketWritten(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
