package org.pushbench.transport.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import org.junit.jupiter.api.Test;

import org.pushbench.server.TransportMetrics;
import org.pushbench.store.InMemoryMessageStore;
import org.pushbench.transport.http.RequestTarget;

/** The room stream's order, flow control and slow-consumer rule, against a sink whose writability the test sets. */
class RoomStreamTest {

    private final InMemoryMessageStore store = new InMemoryMessageStore(40, 2);
    private final TransportMetrics metrics = new TransportMetrics();
    private final Queue<Runnable> serial = new ArrayDeque<>();
    private final FakeSink sink = new FakeSink();
    private final RoomStream stream = new RoomStream(store, metrics, RequestTarget.parse("/rooms/r/ws"), serial::add,
            sink);

    @Test
    void withoutACursorOnlyNewMessagesAreSentInOrderAndFlushed() {
        store.append("r", "a", "old", null);
        stream.open(-1);
        assertTrue(sink.events.isEmpty());
        store.append("r", "a", "one", null);
        store.append("r", "a", "two", null);
        run();
        assertEquals(List.of("2", "3"), sink.ids());
        assertEquals(2, metrics.snapshot().messagesDelivered());
        assertTrue(sink.flushes >= 2);
    }

    @Test
    void aCursorGetsTheBacklogFirstAndNoDuplicateOfARacingAnnouncement() {
        store.append("r", "a", "one", null);
        store.append("r", "a", "two", null);
        stream.open(0);
        // The announcements of 1 and 2 may still come after the backlog carried them.
        store.append("r", "a", "three", null);
        run();
        assertEquals(List.of("1", "2", "3"), sink.ids());
    }

    @Test
    void anUnwritableSinkGetsNothingUntilItDrainsThenCatchesUpInOrder() {
        stream.open(0);
        sink.writable = false;
        for (int i = 0; i < 30; i++) {
            store.append("r", "a", "m" + i, null);
        }
        run();
        assertTrue(sink.events.isEmpty(), "nothing queued beyond the sink's marks");
        sink.writable = true;
        stream.resume();
        assertEquals(30, sink.events.size());
        assertEquals("1", sink.ids().get(0));
        assertEquals("30", sink.ids().get(29));
        assertNull(sink.closed);
    }

    @Test
    void aStalledReaderAWholeRetentionBehindIsClosedNotGivenAGap() {
        stream.open(0);
        sink.writable = false;
        for (int i = 0; i < 41; i++) {
            store.append("r", "a", "m" + i, null);
        }
        run();
        assertEquals(StreamClose.SLOW_CONSUMER, sink.closed);
        assertEquals(1013, sink.closed.code());
        assertEquals(0, store.subscriberCount());
        assertTrue(sink.events.isEmpty());
    }

    @Test
    void aCursorOlderThanTheRetentionGetsTheGapNoticeFirst() {
        for (int i = 0; i < 45; i++) {
            store.append("r", "a", "m" + i, null);
        }
        stream.open(1);
        assertTrue(sink.events.get(0).startsWith("gap {\"error\":\"gap\""), sink.events.get(0));
        assertTrue(sink.events.get(0).contains("\"after\":1,\"oldest\":6"));
        assertEquals(41, sink.events.size());
        assertEquals("6", sink.ids().get(0));
    }

    @Test
    void aFullStoreClosesTheStreamTryAgainLater() {
        store.append("x", "a", "t", null);
        store.append("y", "a", "t", null);
        stream.open(0);
        assertEquals(StreamClose.ROOMS_FULL, sink.closed);
    }

    @Test
    void aClosedStreamDropsItsSubscriptionAndSendsNothingMore() {
        stream.open(0);
        store.append("r", "a", "t", null);
        stream.close();
        run();
        assertTrue(sink.events.isEmpty());
        assertEquals(0, store.subscriberCount());
    }

    private void run() {
        Runnable task;
        while ((task = serial.poll()) != null) {
            task.run();
        }
    }

    private static final class FakeSink implements EventSink {
        final List<String> events = new ArrayList<>();
        boolean writable = true;
        int flushes;
        StreamClose closed;

        @Override
        public void message(long id, byte[] json) {
            events.add(id + " " + new String(json, StandardCharsets.UTF_8));
        }

        @Override
        public void gap(byte[] json) {
            events.add("gap " + new String(json, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public boolean writable() {
            return writable;
        }

        @Override
        public void close(StreamClose why) {
            closed = why;
        }

        List<String> ids() {
            return events.stream().filter(e -> !e.startsWith("gap")).map(e -> e.substring(0, e.indexOf(' '))).toList();
        }
    }
}
