package org.pushbench.bench.link;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * A user-space link emulator (the kernel's netem is not available here): a transparent TCP relay on loopback in
 * front of one server port. Every connection accepted gets one upstream connection of its own, so the server still
 * sees one connection per member, and each direction is delayed and paced by a {@link DelayLine}: half the round
 * trip each way, the bandwidth of {@link LinkSpec} per connection. Bytes pass unchanged; the members count them
 * at their own sockets as before.
 *
 * <p>The relay runs on its own event loop thread and timer thread, not the clients' loop, and measures their CPU
 * time, so a run can report what the emulation itself cost.
 *
 * <p>{@link #cut()} makes the link go silent, as a dead host or a network partition does: from then on nothing
 * crosses it either way, no data, no FIN, no reset, while every connection stays open at both ends. Only a
 * liveness rule of the member's own can tell the server is gone.
 */
public final class LinkRelay implements AutoCloseable {

    private final LinkSpec link;
    private final InetSocketAddress upstream;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group;
    private final ScheduledExecutorService timer;
    private final LongAdder down = new LongAdder();
    private final LongAdder up = new LongAdder();
    private final Channel listener;
    private volatile boolean cut;

    /** Listens on {@code 127.0.0.1}, on a port of its own, for connections to pass to {@code upstream}. */
    public LinkRelay(LinkSpec link, InetSocketAddress upstream) throws InterruptedException {
        if (!link.emulated()) {
            throw new IllegalArgumentException("LOOPBACK needs no relay");
        }
        this.link = link;
        this.upstream = upstream;
        this.group = new MultiThreadIoEventLoopGroup(1, recorded("pushbench-link-io"), NioIoHandler.newFactory());
        this.timer = Executors.newSingleThreadScheduledExecutor(recorded("pushbench-link-timer"));
        this.listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel member) {
                        member.pipeline().addLast(new RelayConnection(LinkRelay.this, member));
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    private ThreadFactory recorded(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
    }

    /** Where members connect instead of the server. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public LinkSpec link() {
        return link;
    }

    /** Bytes delivered to members so far. */
    public long bytesDown() {
        return down.sum();
    }

    /** Bytes delivered to the server so far. */
    public long bytesUp() {
        return up.sum();
    }

    /** Silences the link for good: what is in flight is lost, and nothing more crosses it either way. */
    public void cut() {
        cut = true;
    }

    /** Whether {@link #cut()} was called. */
    BooleanSupplier cutSignal() {
        return () -> cut;
    }

    /** CPU time the relay's threads have used so far. */
    public long cpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return threads.stream().mapToLong(t -> Math.max(0, mx.getThreadCpuTime(t.getId()))).sum();
    }

    InetSocketAddress upstream() {
        return upstream;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    LongAdder downCounter() {
        return down;
    }

    LongAdder upCounter() {
        return up;
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        // The timer first: a segment it released after the event loop stopped could not be written (a
        // RejectedExecutionException on the console at the end of a linked trial).
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
