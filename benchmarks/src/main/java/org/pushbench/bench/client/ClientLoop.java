package org.pushbench.bench.client;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The event loops every simulated client of a process shares: a few threads for thousands of connections, so the
 * load generator costs what the clients do, not what their threads do.
 *
 * <p>Loopback clients are spread over source addresses 127.0.0.1, 127.0.0.2, ... once there are more of them
 * than {@link #CLIENTS_PER_SOURCE_ADDRESS}: one source address has only 28,232 ephemeral ports towards one
 * server port, and all of 127.0.0.0/8 is on {@code lo}.
 */
public final class ClientLoop implements AutoCloseable {

    /**
     * A SYN a full accept queue dropped is sent again after 1, 3, 7, 15 and 31 s; 10 s failed connections of
     * 19,000 on a loaded machine, and 30 s some of 50,000 over three nodes; 60 s lets the sixth try through.
     */
    private static final int CONNECT_TIMEOUT_MILLIS = 60_000;

    public static final int CLIENTS_PER_SOURCE_ADDRESS = 20_000;

    private final EventLoopGroup group;
    private final AtomicInteger connections = new AtomicInteger();
    private final String sourceAddress;

    /** @param threads event loop threads; 0 for Netty's default (two per core) */
    public ClientLoop(int threads) {
        this(threads, null);
    }

    /**
     * @param sourceAddress the local address every loopback connection binds to (a member process of its own
     *                      gets one, e.g. 127.0.0.3, so processes never share ephemeral ports); null to spread
     *                      over 127.0.0.1, 127.0.0.2, ... as above
     */
    public ClientLoop(int threads, String sourceAddress) {
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.sourceAddress = sourceAddress;
    }

    /** Opens a TCP connection whose pipeline {@code initializer} builds. */
    public ChannelFuture connect(InetSocketAddress remote, ChannelHandler initializer) {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(initializer);
        int n = connections.getAndIncrement();
        if (remote.getAddress().isLoopbackAddress() && sourceAddress != null) {
            return bootstrap.connect(remote, new InetSocketAddress(sourceAddress, 0));
        }
        if (remote.getAddress().isLoopbackAddress() && n >= CLIENTS_PER_SOURCE_ADDRESS) {
            int source = 1 + n / CLIENTS_PER_SOURCE_ADDRESS;
            return bootstrap.connect(remote, new InetSocketAddress("127.0.0." + source, 0));
        }
        return bootstrap.connect(remote);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
