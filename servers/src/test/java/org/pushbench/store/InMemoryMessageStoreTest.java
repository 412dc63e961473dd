package org.pushbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InMemoryMessageStoreTest {

    private final InMemoryMessageStore store = new InMemoryMessageStore(4, 3);

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
    void subscribersHearAppendsUntilTheyUnsubscribe() {
        List<Long> heard = new ArrayList<>();
        Subscription s = store.subscribe("a", m -> heard.add(m.id()));
        assertEquals(1, store.subscriberCount());
        store.append("a", "x", "1", null);
        store.append("b", "x", "other room", null);
        s.close();
        s.close();
        store.append("a", "x", "2", null);
        assertEquals(List.of(1L), heard);
        assertEquals(0, store.subscriberCount());
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
