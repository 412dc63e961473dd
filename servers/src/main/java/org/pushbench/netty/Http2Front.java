package org.pushbench.netty;

import java.util.List;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;

import org.pushbench.server.ServerConfig;

/**
 * Chooses a connection's HTTP version from its first bytes: HTTP/2's connection preface (h2c with prior
 * knowledge, or h2 as ALPN chose it under TLS) gets Netty's frame codec and a child channel per stream carrying the
 * HTTP/1.1 front and the transport's handlers ({@link Http2StreamInitializer}); anything else the HTTP/1.1 front
 * on the connection itself. So one port speaks both, and a held poll or event stream is one stream's, not the
 * connection's. Until its first bytes decide, a connection has the request deadline's time to send them: one that
 * sends nothing is closed by the idle timeout, as it was before HTTP/2 shared the port.
 */
final class Http2Front extends ByteToMessageDecoder {

    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final ServerConfig config;
    private final Consumer<ChannelPipeline> transport;
    private org.pushbench.transport.http.RequestDeadline firstBytesDue;

    /** {@code transport} adds the transport's handlers behind the HTTP/1.1 front, on a connection or a stream. */
    Http2Front(ServerConfig config, Consumer<ChannelPipeline> transport) {
        this.config = config;
        this.transport = transport;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        firstBytesDue = new org.pushbench.transport.http.RequestDeadline(LoopTimer.on(ctx.executor()),
                config.idleTimeout(), ctx::close);
        if (ctx.channel().isActive()) {
            firstBytesDue.opened();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        firstBytesDue.opened();
        super.channelActive(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        firstBytesDue.stop();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        firstBytesDue.stop();
        super.channelInactive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int seen = Math.min(in.readableBytes(), PREFACE.readableBytes());
        if (!ByteBufUtil.equals(in, in.readerIndex(), PREFACE, 0, seen)) {
            ChannelPipeline pipeline = HttpFront.requests(ctx.pipeline(), config, HttpFront.http1Codec());
            transport.accept(pipeline);
            pipeline.remove(this);
        } else if (seen == PREFACE.readableBytes()) {
            ctx.pipeline().addLast("h2", Http2FrameCodecBuilder.forServer().build())
                    .addLast("streams", new Http2MultiplexHandler(new Http2StreamInitializer(config, transport)))
                    .remove(this);
        }
    }
}
