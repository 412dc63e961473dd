package org.pushbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageStore} must do, run against each store by a subclass. Announcements may arrive on
 * another thread after {@code append} returns (Redis pub/sub), so listeners are heard through a queue.
 */
abstract class MessageStoreContract {

    MessageStore store;

    /** A new, empty store retaining {@code retention} messages per room and holding at most {@code maxRooms}. */
    abstract MessageStore newStore(int retention, int maxRooms) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore(4, 3);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void idsArePerRoomAndStartAtOne() {
        assertEquals(1, store.append("a", "alice", "one", null).id());
        assertEquals(2, store.append("a", "alice", "two", null).id());
        assertEquals(1, store.append("b", "bob", "one", null).id());
        assertEquals(2, store.lastId("a"));
        assertEquals(0, store.lastId("nowhere"));
    }

    @Test
    void storesTheDeliveredJsonInTheDocumentedFieldOrder() {
        Message m = store.append("lobby", "alice", "hi \"you\"", 123L);
        assertEquals("{\"id\":1,\"room\":\"lobby\",\"from\":\"alice\",\"text\":\"hi \\\"you\\\"\",\"stamp\":123}",
                new String(m.json(), StandardCharsets.UTF_8));
        Message noStamp = store.append("lobby", "bob", "é", null);
        assertArrayEquals("{\"id\":2,\"room\":\"lobby\",\"from\":\"bob\",\"text\":\"é\"}".getBytes(StandardCharsets.UTF_8),
                noStamp.json());
    }

    @Test
    void readsTheMessagesAfterACursorInOrder() {
        for (int i = 1; i <= 3; i++) {
            store.append("a", "alice", "m" + i, null);
        }
        ReadResult r = store.read("a", 1, 10);
        assertEquals(List.of(2L, 3L), ids(r));
        assertFalse(r.gap());
        assertEquals(List.of(2L), ids(store.read("a", 1, 1)));
        assertTrue(store.read("a", 3, 10).isEmpty());
        assertTrue(store.read("a", 99, 10).isEmpty());
    }

    @Test
    void readingAnUnknownRoomDoesNotCreateIt() {
        assertTrue(store.read("ghost", 0, 10).isEmpty());
        assertEquals(0, store.roomCount());
    }

    @Test
    void aReaderOlderThanTheRetentionIsToldOfTheGap() {
        for (int i = 1; i <= 10; i++) {
            store.append("a", "alice", "m" + i, null);
        }
        ReadResult behind = store.read("a", 2, 100);
        assertTrue(behind.gap());
        assertEquals(7, behind.oldestRetained());
        assertEquals(List.of(7L, 8L, 9L, 10L), ids(behind));

        ReadResult justInTime = store.read("a", 6, 100);
        assertFalse(justInTime.gap());
        assertEquals(List.of(7L, 8L, 9L, 10L), ids(justInTime));
    }

    @Test
    void refusesARoomBeyondTheMaximumAndKeepsTheOthers() {
        store.append("a", "x", "1", null);
        store.append("b", "x", "1", null);
        store.subscribe("c", m -> { }).close();
        assertThrows(StoreFullException.class, () -> store.append("d", "x", "1", null));
        assertThrows(StoreFullException.class, () -> store.subscribe("d", m -> { }));
        assertEquals(2, store.append("a", "x", "2", null).id());
        assertEquals(3, store.roomCount());
    }

    @Test
    void subscribersHearAppendsUntilTheyUnsubscribe() throws InterruptedException {
        LinkedBlockingQueue<Message> heard = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Message> witness = new LinkedBlockingQueue<>();
        Subscription s = store.subscribe("a", heard::add);
        assertEquals(1, store.subscriberCount());
        Message first = store.append("a", "x", "1", null);
        store.append("b", "x", "other room", null);
        assertEquals(first, heard.poll(10, TimeUnit.SECONDS), "the announcement carries the stored message");
        s.close();
        s.close();
        assertEquals(0, store.subscriberCount());
        try (Subscription w = store.subscribe("a", witness::add)) {
            store.append("a", "x", "2", null);
            assertEquals(2, witness.poll(10, TimeUnit.SECONDS).id());
        }
        assertTrue(heard.isEmpty(), "nothing after unsubscribing, nothing from another room: " + heard);
    }

    @Test
    void aSubscriptionThenAReadMissesNothingAppendedMeanwhile() throws Exception {
        // A retention above the 51 messages: the cursor must see every one, never a gap.
        store.close();
        store = newStore(64, 3);
        store.append("a", "x", "before", null);
        LinkedBlockingQueue<Message> heard = new LinkedBlockingQueue<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                store.append("a", "x", "during" + i, null);
            }
        });
        writer.start();
        try (Subscription s = store.subscribe("a", heard::add)) {
            RoomCursor cursor = new RoomCursor(store, "a", 1);
            List<Long> seen = new java.util.ArrayList<>(ids(cursor.catchUp(100)));
            writer.join();
            while (cursor.position() < 51) {
                Message m = heard.poll(10, TimeUnit.SECONDS);
                assertTrue(m != null, "an append after the read was announced; have " + seen);
                seen.addAll(ids(cursor.next(m)));
            }
            assertEquals(java.util.stream.LongStream.rangeClosed(2, 51).boxed().toList(), seen);
        }
    }

    @Test
    void aCursorDeliversInOrderWithoutDuplicatesWhateverTheAnnouncementOrder() {
        Message m1 = store.append("a", "x", "1", null);
        Message m2 = store.append("a", "x", "2", null);
        Message m3 = store.append("a", "x", "3", null);
        RoomCursor cursor = new RoomCursor(store, "a", 0);
        assertEquals(List.of(1L, 2L, 3L), ids(cursor.next(m3)));
        assertTrue(cursor.next(m1).isEmpty());
        assertTrue(cursor.next(m2).isEmpty());
        Message m4 = store.append("a", "x", "4", null);
        assertEquals(List.of(4L), ids(cursor.next(m4)));
        assertEquals(4, cursor.position());
    }

    static List<Long> ids(ReadResult result) {
        return result.messages().stream().map(Message::id).toList();
    }
}
