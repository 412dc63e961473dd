package org.pushbench.netty;

import java.net.InetSocketAddress;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.server.TransportMetrics;

/**
 * One Netty server: binding, the accept backlog, the per-connection write buffer bounds, and closing every
 * connection on stop, and TLS when configured ({@link TlsFront}). A transport supplies only its pipeline.
 */
public final class NettyChatServer implements ChatServer {

    /** The pipeline of one accepted connection, given the server's gate. */
    @FunctionalInterface
    public interface Pipeline {
        ChannelInitializer<SocketChannel> initializer(ConnectionGate gate);
    }


    /** Past this many queued outbound bytes a connection is unwritable and push transports stop writing to it. */
    public static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 1024 * 1024);

    private final ServerConfig config;
    private final TransportMetrics metrics;
    private final Pipeline pipeline;
    private final Transport transport;
    private final NettyEngine.EventLoops loops;
    private final int requestedPort;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel listener;

    NettyChatServer(Transport transport, NettyEngine.EventLoops loops, int port, ServerConfig config,
            TransportMetrics metrics, Pipeline pipeline) {
        this.transport = transport;
        this.loops = loops;
        this.requestedPort = port;
        this.config = config;
        this.metrics = metrics;
        this.pipeline = pipeline;
    }

    @Override
    public int start() throws InterruptedException {
        ConnectionGate gate = new ConnectionGate(metrics, config.maxConnections(), connections);
        ChannelInitializer<SocketChannel> child = pipeline.initializer(gate);
        if (config.tls().isPresent()) {
            child = new TlsFront(TlsFront.context(config.tls().get(), transport.offersHttp2()), child);
        }
        listener = new ServerBootstrap()
                .group(loops.acceptor(), loops.workers())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(child)
                .bind(new InetSocketAddress(config.bindAddress(), requestedPort))
                .sync()
                .channel();
        return port();
    }

    @Override
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public Engine engine() {
        return Engine.NETTY;
    }

    @Override
    public TransportMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
    }
}
