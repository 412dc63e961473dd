package org.pushbench.bench.link;

import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;

/**
 * One direction of one emulated link. Each segment read from {@code source} leaves the link's "wire" once the
 * segments before it have (serialization at the link's bandwidth), then travels the one-way latency (plus jitter)
 * and is written to {@code sink} on arrival. Arrivals never overtake each other, as TCP delivers in order. A
 * close travels the same way, behind the data.
 *
 * <p>Reads stop while more than {@link #QUEUE_LIMIT} bytes wait, so a fast sender meets a full link the way it
 * would meet a full TCP window instead of filling the relay's memory. A timer thread releases the segments at
 * their due time: the event loop's own timer rounds to milliseconds, too coarse for a 2 ms round trip.
 *
 * <p>Once the relay is {@link LinkRelay#cut() cut}, what arrives is dropped and what waits is lost, closes included.
 */
final class DelayLine {

    /** About one Ethernet MSS: segments that size arrive one by one, as they would on a real link. */
    private static final int SEGMENT = 1460;
    private static final int QUEUE_LIMIT = 256 * 1024;

    private record Segment(ByteBuf bytes, long arrivalNanos, boolean close, boolean reset) {
    }

    private final Channel source;
    private final Channel sink;
    private final ScheduledExecutorService timer;
    private final long oneWayNanos;
    private final long jitterNanos;
    private final double nanosPerByte;
    private final LongAdder relayed;
    private final BooleanSupplier cut;
    private final ArrayDeque<Segment> queue = new ArrayDeque<>();
    private long lastDeparture;
    private long lastArrival;
    private long queuedBytes;
    private boolean releaseScheduled;
    private boolean discarded;

    /**
     * @param notBeforeNanos when the first byte may leave: the opening of the connection plus one round trip,
     *                       the TCP handshake a loopback connect does not pay
     */
    DelayLine(Channel source, Channel sink, ScheduledExecutorService timer, long oneWayNanos, long jitterNanos,
            int kbps, long notBeforeNanos, LongAdder relayed, BooleanSupplier cut) {
        this.source = source;
        this.sink = sink;
        this.timer = timer;
        this.oneWayNanos = oneWayNanos;
        this.jitterNanos = jitterNanos;
        this.nanosPerByte = 8e6 / kbps;
        this.lastDeparture = notBeforeNanos;
        this.relayed = relayed;
        this.cut = cut;
        sink.closeFuture().addListener(f -> discard());
    }

    /** Takes what {@code source} read; called on its event loop. */
    synchronized void accept(ByteBuf bytes) {
        if (discarded || cut.getAsBoolean()) {
            bytes.release();
            return;
        }
        long now = System.nanoTime();
        while (bytes.isReadable()) {
            ByteBuf segment = bytes.readRetainedSlice(Math.min(SEGMENT, bytes.readableBytes()));
            lastDeparture = Math.max(now, lastDeparture) + Math.round(segment.readableBytes() * nanosPerByte);
            enqueue(new Segment(segment, arrival(lastDeparture), false, false));
            queuedBytes += segment.readableBytes();
        }
        bytes.release();
        if (queuedBytes > QUEUE_LIMIT) {
            source.config().setAutoRead(false);
        }
    }

    /** The source closed (or was reset): the sink is closed the same way once the data before it arrived. */
    synchronized void sourceClosed(boolean reset) {
        if (!discarded && !cut.getAsBoolean()) {
            enqueue(new Segment(Unpooled.EMPTY_BUFFER, arrival(Math.max(System.nanoTime(), lastDeparture)), true,
                    reset));
        }
    }

    private long arrival(long departure) {
        long jitter = jitterNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterNanos + 1);
        lastArrival = Math.max(lastArrival, departure + oneWayNanos + jitter);
        return lastArrival;
    }

    private void enqueue(Segment segment) {
        queue.add(segment);
        scheduleRelease();
    }

    private void scheduleRelease() {
        if (!releaseScheduled && !queue.isEmpty()) {
            releaseScheduled = true;
            timer.schedule(this::release, queue.peek().arrivalNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
    }

    /** On the timer thread: writes every segment that is due, in order. */
    private synchronized void release() {
        releaseScheduled = false;
        if (cut.getAsBoolean()) {
            dropQueued();
            return;
        }
        long now = System.nanoTime();
        boolean wrote = false;
        while (!discarded && !queue.isEmpty() && queue.peek().arrivalNanos() <= now) {
            Segment segment = queue.poll();
            if (segment.close()) {
                closeSink(segment.reset());
                return;
            }
            queuedBytes -= segment.bytes().readableBytes();
            relayed.add(segment.bytes().readableBytes());
            sink.write(segment.bytes(), sink.voidPromise());
            wrote = true;
        }
        if (wrote) {
            sink.flush();
        }
        if (queuedBytes <= QUEUE_LIMIT / 2 && !source.config().isAutoRead() && source.isActive()) {
            source.config().setAutoRead(true);
        }
        scheduleRelease();
    }

    private void closeSink(boolean reset) {
        if (reset) {
            sink.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        sink.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        discard();
    }

    /** The sink is gone: whatever still waits is dropped, and its buffers freed. */
    private synchronized void discard() {
        discarded = true;
        dropQueued();
    }

    private void dropQueued() {
        Segment segment;
        while ((segment = queue.poll()) != null) {
            segment.bytes().release();
        }
        queuedBytes = 0;
    }
}
