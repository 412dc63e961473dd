package org.pushbench.bench.client;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Transport;

/**
 * Polls every {@code pollIntervalMillis} on a fixed schedule, like {@code setInterval} in a page. Its first poll
 * waits a random phase within one interval, so a thousand clients don't poll in lock step, unless it is a page
 * being opened ({@link #firstPollAtOnce}), which fetches what it missed at once; a tick that comes while an
 * answer is still outstanding is skipped.
 */
public final class ShortPollingClient extends PollingClient {

    private final long intervalNanos;
    private long nextTickNanos;
    private boolean firstPollAtOnce;

    public ShortPollingClient(ClientLoop loop, ClientTarget target, RecipientMeters meters, long pollIntervalMillis) {
        super(loop, target, meters);
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(pollIntervalMillis);
    }

    @Override
    public Transport transport() {
        return Transport.SHORT_POLLING;
    }

    @Override
    protected String query(long after) {
        return "after=" + after;
    }

    /** Makes the first poll go out as soon as the connection is up, as a page being opened does; before start. */
    public ShortPollingClient firstPollAtOnce() {
        this.firstPollAtOnce = true;
        return this;
    }

    @Override
    protected void connected() {
        long phase = firstPollAtOnce ? 0 : ThreadLocalRandom.current().nextLong(intervalNanos);
        nextTickNanos = System.nanoTime() + phase;
        eventLoop().schedule(this::poll, phase, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void answered() {
        long now = System.nanoTime();
        do {
            nextTickNanos += intervalNanos;
        } while (nextTickNanos <= now);
        eventLoop().schedule(this::poll, nextTickNanos - now, TimeUnit.NANOSECONDS);
    }
}
