package org.pushbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many writers and many readers on one room at once: ids must come out contiguous, and every reader must see
 * every message exactly once, in order — both push readers (subscription + {@link RoomCursor}, as WebSocket and
 * long polling use it) and pull readers (a cursor polled with {@code read}, as short polling does).
 */
abstract class MessageStoreStress {

    abstract MessageStore newStore(int retention, int maxRooms) throws Exception;

    private static final int WRITERS = 8;
    private static final int PER_WRITER = 2_000;
    private static final int TOTAL = WRITERS * PER_WRITER;
    private static final int PUSH_READERS = 8;
    private static final int PULL_READERS = 4;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentWritersAndReadersLoseDuplicateAndReorderNothing() throws Exception {
        // Retention above the total: this test is about concurrency; retention has its own tests.
        MessageStore store = newStore(TOTAL + 1, 4);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + PUSH_READERS + PULL_READERS);
        try (store) {
            List<Future<List<Message>>> readers = new ArrayList<>();
            CountDownLatch subscribed = new CountDownLatch(PUSH_READERS);
            for (int r = 0; r < PUSH_READERS; r++) {
                readers.add(pool.submit(() -> pushRead(store, subscribed)));
            }
            for (int r = 0; r < PULL_READERS; r++) {
                readers.add(pool.submit(() -> pullRead(store)));
            }
            subscribed.await();

            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String from = "writer" + w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_WRITER; i++) {
                        store.append("room", from, Integer.toString(i), (long) i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : writers) {
                w.get();
            }
            assertEquals(TOTAL, store.lastId("room"));

            for (Future<List<Message>> reader : readers) {
                assertSeesEverythingOnceInOrder(reader.get(30, TimeUnit.SECONDS));
            }
            assertEquals(0, store.subscriberCount(), "every push reader unsubscribed");
        } finally {
            pool.shutdownNow();
        }
    }

    /** A push reader: listener wake-ups handed to its own thread, made ordered by a RoomCursor. */
    private static List<Message> pushRead(MessageStore store, CountDownLatch subscribed) throws InterruptedException {
        LinkedBlockingQueue<Message> announced = new LinkedBlockingQueue<>();
        RoomCursor cursor = new RoomCursor(store, "room", 0);
        List<Message> seen = new ArrayList<>(TOTAL);
        try (Subscription ignored = store.subscribe("room", announced::add)) {
            subscribed.countDown();
            seen.addAll(cursor.catchUp().messages());
            while (seen.size() < TOTAL) {
                Message m = announced.poll(20, TimeUnit.SECONDS);
                if (m == null) {
                    break;
                }
                seen.addAll(cursor.next(m).messages());
            }
        }
        return seen;
    }

    /** A pull reader: reads after its cursor in small batches until it has everything. */
    private static List<Message> pullRead(MessageStore store) {
        List<Message> seen = new ArrayList<>(TOTAL);
        long cursor = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.size() < TOTAL && System.nanoTime() < deadline) {
            ReadResult r = store.read("room", cursor, 37);
            assertTrue(!r.gap(), "no gap with retention above the total");
            seen.addAll(r.messages());
            if (!r.isEmpty()) {
                cursor = r.messages().get(r.messages().size() - 1).id();
            } else {
                LockSupport.parkNanos(100_000);
            }
        }
        return seen;
    }

    private static void assertSeesEverythingOnceInOrder(List<Message> seen) {
        assertEquals(TOTAL, seen.size(), "every message seen exactly once");
        Set<String> perWriter = new HashSet<>();
        int[] nextFromWriter = new int[WRITERS];
        for (int i = 0; i < seen.size(); i++) {
            Message m = seen.get(i);
            assertEquals(i + 1, m.id(), "ids contiguous and in order");
            String json = new String(m.json(), StandardCharsets.UTF_8);
            int w = Integer.parseInt(json.replaceAll(".*\"from\":\"writer(\\d+)\".*", "$1"));
            long stamp = Long.parseLong(json.replaceAll(".*\"stamp\":(\\d+).*", "$1"));
            assertEquals(nextFromWriter[w]++, stamp, "each writer's messages in the order it sent them");
            assertTrue(perWriter.add(w + ":" + stamp));
        }
    }
}
