package org.pushbench.bench.meter;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * The handler right above a client's TLS: counts the application bytes (what the client's codec reads and
 * writes), and attributes what TLS adds, the wire count below minus these, to {@link WireCategory#TLS_HANDSHAKE}
 * until the handshake completes and to {@link WireCategory#TLS_RECORDS} after. It settles after every read
 * burst, flush and close; between two settles a record half read may sit in the wrong one for a moment, and the
 * next settle puts it right, so the categories still add up to the socket totals.
 */
public final class TlsByteCounter extends ChannelDuplexHandler implements ByteCount {

    private final ByteCount wire;
    private final WireMeter meter;
    private long read;
    private long written;
    private long attributed;
    private boolean handshaken;

    /** @param wire the counter below TLS, on the same connection */
    public TlsByteCounter(ByteCount wire, WireMeter meter) {
        this.wire = wire;
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
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        settle();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent) {
            // Nothing of the application can have crossed yet: every wire byte so far is the handshake's.
            settle();
            handshaken = true;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            written += buf.readableBytes();
        }
        ctx.write(msg, promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        ctx.flush();
        settle();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        settle();
        ctx.fireChannelInactive();
    }

    private void settle() {
        long tls = wire.read() + wire.written() - (handshaken ? read + written : 0);
        meter.attribute(handshaken ? WireCategory.TLS_RECORDS : WireCategory.TLS_HANDSHAKE, tls - attributed);
        attributed = tls;
    }
}
