package org.pushbench.bench.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * One member's connection through the relay: on accept it opens the upstream connection to the server, on the
 * same event loop, and joins the two by a {@link DelayLine} each way. Nothing is read from the member until the
 * server has accepted. A connection accepted after the link was cut never reaches the server: what the member
 * sends is read and dropped, as a dead host's network would swallow it.
 */
final class RelayConnection extends ChannelInboundHandlerAdapter {

    private final LinkRelay relay;
    private final Channel member;
    private DelayLine towardsServer;

    RelayConnection(LinkRelay relay, Channel member) {
        this.relay = relay;
        this.member = member;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (relay.cutSignal().getAsBoolean()) {
            member.config().setAutoRead(true);
            return;
        }
        long opened = System.nanoTime();
        LinkSpec link = relay.link();
        long oneWay = link.oneWayNanos();
        long jitter = link.jitterMs() * 1_000_000L;
        ChannelFuture connect = new Bootstrap().group(member.eventLoop()).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(relay.upstream());
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                member.close();
                return;
            }
            Channel server = connect.channel();
            if (!member.isActive()) {
                server.close();
                return;
            }
            long handshake = opened + 2 * oneWay;
            towardsServer = new DelayLine(member, server, relay.timer(), oneWay, jitter, link.upKbps(), handshake,
                    relay.upCounter(), relay.cutSignal());
            DelayLine towardsMember = new DelayLine(server, member, relay.timer(), oneWay, jitter, link.downKbps(),
                    handshake, relay.downCounter(), relay.cutSignal());
            server.pipeline().addLast(new Forward(towardsMember));
            server.config().setAutoRead(true);
            member.config().setAutoRead(true);
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (towardsServer == null) {
            ((ByteBuf) msg).release();
            return;
        }
        towardsServer.accept((ByteBuf) msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (towardsServer != null) {
            towardsServer.sourceClosed(false);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset by the member (a vanished client): the server's side is reset too, after the delay.
        if (towardsServer != null) {
            towardsServer.sourceClosed(true);
        }
        ctx.close();
    }

    /** The server's side: what it sends goes down the member's line. */
    private static final class Forward extends ChannelInboundHandlerAdapter {

        private final DelayLine line;

        Forward(DelayLine line) {
            this.line = line;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            line.accept((ByteBuf) msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            line.sourceClosed(false);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            line.sourceClosed(true);
            ctx.close();
        }
    }
}
