package org.pushbench.netty.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;

import org.pushbench.server.DemoClientMetrics;
import org.pushbench.server.DemoConnection;

/**
 * First in a server pipeline: counts the socket's bytes, before any decoding, for the classroom demo client the
 * connection belongs to (see {@link DemoConnection}). {@link DemoRequestTagHandler} names the client.
 */
@ChannelHandler.Sharable
public final class DemoTrafficHandler extends ChannelDuplexHandler {

    /** The connection's attribution, for the handlers behind this one. */
    static final AttributeKey<DemoConnection> CONNECTION = AttributeKey.valueOf("pushbench.demoConnection");

    private final DemoClientMetrics clients;

    public DemoTrafficHandler(DemoClientMetrics clients) {
        this.clients = clients;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.channel().attr(CONNECTION).setIfAbsent(clients.newConnection());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.channel().attr(CONNECTION).get().bytesRead(size(msg));
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.channel().attr(CONNECTION).get().bytesWritten(size(msg));
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ctx.channel().attr(CONNECTION).get().closed();
        ctx.fireChannelInactive();
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf buf) {
            return buf.readableBytes();
        }
        if (msg instanceof ByteBufHolder holder) {
            return holder.content().readableBytes();
        }
        return 0;
    }
}
