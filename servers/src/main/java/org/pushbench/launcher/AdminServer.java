package org.pushbench.launcher;

import java.net.InetSocketAddress;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The admin port: health and metrics, and the classroom demo's page and routes, on a port and a thread of its
 * own, so that reading the figures adds no byte to any measured connection and takes no time from the measured
 * event loops.
 */
final class AdminServer implements AutoCloseable {

    private final ServerSet servers;
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private Channel listener;

    AdminServer(ServerSet servers) {
        this.servers = servers;
    }

    /**
     * Binds the port without accepting yet, so that its number is known (the demo page's origin names it) before
     * the servers it reports on start. Connections wait in the backlog until {@link #open}.
     */
    void bind(String bindAddress, int port) throws InterruptedException {
        listener = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(64 * 1024));
                        if (servers.demo() != null) {
                            channel.pipeline().addLast(servers.demo().httpHandler());
                        }
                        channel.pipeline().addLast(new AdminHandler(servers));
                    }
                })
                .bind(new InetSocketAddress(bindAddress, port))
                .sync()
                .channel();
    }

    /** Starts accepting, once the servers and the demo run: demo paths go to the demo, the rest to AdminHandler. */
    void open() {
        listener.config().setAutoRead(true);
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        loop.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
