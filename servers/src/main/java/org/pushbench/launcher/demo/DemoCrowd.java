package org.pushbench.launcher.demo;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

import org.pushbench.server.Transport;

/**
 * The classroom demo's background crowd: N simulated clients per transport, in the server process, talking to
 * the real servers over loopback so that the server-load meters move. Short pollers ask every second, long
 * pollers hold a request, WebSocket members stay connected; all listen to the demo room and none talks.
 *
 * <p>It runs on one event loop of its own, created when a crowd starts and shut down when it stops.
 */
final class DemoCrowd implements AutoCloseable {

    /** The largest crowd per transport the page may ask for. */
    static final int MAX_CLIENTS_PER_TRANSPORT = 2000;

    /** Connections opened per step while a crowd starts, so the accept backlogs never overflow. */
    private static final int CONNECTS_PER_STEP = 100;
    private static final long STEP_MILLIS = 25;

    private final String bindAddress;
    private final Map<Transport, Integer> ports;
    private final String room;
    private final LongSupplier roomCursor;
    private final Map<Transport, ChannelGroup> members = new EnumMap<>(Transport.class);
    private EventLoopGroup group;
    private int size;

    /**
     * @param bindAddress the servers' address
     * @param ports       each transport's port
     * @param room        the room the crowd listens to
     * @param roomCursor  the room's newest id, so a new member starts from now, not from the whole history
     */
    DemoCrowd(String bindAddress, Map<Transport, Integer> ports, String room, LongSupplier roomCursor) {
        this.bindAddress = bindAddress;
        this.ports = new EnumMap<>(ports);
        this.room = room;
        this.roomCursor = roomCursor;
    }

    /**
     * Replaces the running crowd (if any) with {@code perTransport} clients per transport; 0 stops it.
     *
     * @throws IllegalArgumentException beyond {@link #MAX_CLIENTS_PER_TRANSPORT}
     */
    synchronized void start(int perTransport) {
        if (perTransport < 0 || perTransport > MAX_CLIENTS_PER_TRANSPORT) {
            throw new IllegalArgumentException(
                    "clients must be between 0 and " + MAX_CLIENTS_PER_TRANSPORT + " per transport");
        }
        stop();
        if (perTransport == 0) {
            return;
        }
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        size = perTransport;
        long after = roomCursor.getAsLong();
        for (Transport t : ports.keySet()) {
            ChannelGroup channels = new DefaultChannelGroup("crowd-" + t.id(), GlobalEventExecutor.INSTANCE);
            members.put(t, channels);
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new CrowdInitializer(t, bindAddress + ":" + ports.get(t), room, after));
            for (int first = 0; first < perTransport; first += CONNECTS_PER_STEP) {
                int count = Math.min(CONNECTS_PER_STEP, perTransport - first);
                group.schedule(() -> connect(bootstrap, t, channels, count),
                        first / CONNECTS_PER_STEP * STEP_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void connect(Bootstrap bootstrap, Transport t, ChannelGroup channels, int count) {
        for (int i = 0; i < count; i++) {
            bootstrap.connect(bindAddress, ports.get(t)).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    channels.add(f.channel());
                }
            });
        }
    }

    /**
     * Disconnects every member and lets the crowd's event loop shut down in the background (the admin port's
     * thread calls this and must not wait). Idempotent.
     */
    synchronized void stop() {
        release();
    }

    private EventLoopGroup release() {
        members.values().forEach(ChannelGroup::close);
        members.clear();
        size = 0;
        EventLoopGroup released = group;
        group = null;
        if (released != null) {
            released.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        return released;
    }

    /** The crowd now: the size asked for and the members connected per transport. */
    synchronized CrowdStatus status() {
        Map<String, Integer> connected = new LinkedHashMap<>();
        for (Transport t : Transport.values()) {
            ChannelGroup channels = members.get(t);
            connected.put(t.id(), channels == null ? 0 : channels.size());
        }
        return new CrowdStatus(size, connected);
    }

    /** Stops the crowd and waits until its event loop has terminated. */
    @Override
    public void close() {
        EventLoopGroup released;
        synchronized (this) {
            released = release();
        }
        if (released != null) {
            released.terminationFuture().syncUninterruptibly();
        }
    }
}
