package org.pushbench.bench.cluster;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.pushbench.bench.client.HttpPublisher;
import org.pushbench.protocol.ChatJson;
import org.pushbench.protocol.SentMessage;

/** Posts message k into every publisher's room at k / rate seconds, whatever happened before; stamp k. */
final class RateSender extends Thread {

    private final List<HttpPublisher> publishers;
    private final long periodNanos;
    private volatile boolean running = true;
    private volatile long sent;

    RateSender(List<HttpPublisher> publishers, int ratePerSecond) {
        super("node-kill-sender");
        setDaemon(true);
        this.publishers = publishers;
        this.periodNanos = 1_000_000_000L / ratePerSecond;
    }

    /** Messages handed to each publisher so far. */
    long sent() {
        return sent;
    }

    long finish() throws InterruptedException {
        running = false;
        join();
        return sent;
    }

    @Override
    public void run() {
        long origin = System.nanoTime();
        for (long k = 0; running; k++) {
            for (long wait = origin + k * periodNanos - System.nanoTime(); wait > 0 && running;
                    wait = origin + k * periodNanos - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (!running) {
                return;
            }
            byte[] json = json(k);
            publishers.forEach(p -> p.publish(json, now -> { }));
            sent = k + 1;
        }
    }

    private static byte[] json(long k) {
        try {
            return ChatJson.mapper().writeValueAsBytes(new SentMessage("publisher", "m" + k, k));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
