package org.pushbench.transport.longpolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.InMemoryMessageStore;
import org.pushbench.store.Message;
import org.pushbench.store.ReadResult;
import org.pushbench.transport.FakeExchange;
import org.pushbench.transport.http.Answer;
import org.pushbench.transport.http.MessagesResource;
import org.pushbench.transport.http.ReadAnswers;
import org.pushbench.transport.http.RequestTarget;

/** The held poll's transitions and races, with the engine replaced by a {@link FakeExchange}. */
class HeldPollTest {

    private final InMemoryMessageStore store = new InMemoryMessageStore(4, 16);
    private final TransportMetrics metrics = new TransportMetrics();
    private final ServerConfig config = ServerConfig.defaults().withWaits(Duration.ofSeconds(30), Duration.ofSeconds(60));
    private final MessagesResource resource = new MessagesResource(store, metrics,
            new LongPolling(store, metrics, config), config);

    @Test
    void somethingNewIsAnsweredAtOnceWithoutHolding() {
        Message m = store.append("r", "a", "hi", null);
        FakeExchange ex = FakeExchange.get("/rooms/r/messages?after=0");
        resource.handle(ex);
        assertEquals(1, ex.answers.size());
        assertEquals("[" + json(m) + "]", body(ex.answers.get(0)));
        assertNull(ex.held);
        assertEquals(0, metrics.snapshot().peakHeldRequests());
        assertEquals(0, store.subscriberCount());
    }

    @Test
    void nothingNewIsHeldUntilAnAppendAndAnsweredOnTheConnectionsExecutor() {
        FakeExchange ex = FakeExchange.get("/rooms/r/messages?after=0&wait=5000");
        resource.handle(ex);
        assertTrue(ex.answers.isEmpty());
        assertEquals(1, metrics.heldRequests());
        assertEquals(1, store.subscriberCount());
        assertEquals(5000L, ex.timer.delays.get(0));

        Message m = store.append("r", "a", "hi", null);
        assertTrue(ex.answers.isEmpty(), "the store's thread only queues the answer on the connection");
        ex.runSerialTasks();
        assertEquals(1, ex.answers.size());
        assertEquals("[" + json(m) + "]", body(ex.answers.get(0)));
        assertReleased(ex, 1);
    }

    @Test
    void theWaitRunningOutAnswersAnEmptyArray() {
        FakeExchange ex = FakeExchange.get("/rooms/r/messages?after=0");
        resource.handle(ex);
        assertEquals(30_000L, ex.timer.delays.get(0), "no wait given: the default");
        ex.timer.fireAll();
        assertEquals(1, ex.answers.size());
        assertEquals(200, ex.answers.get(0).status());
        assertEquals("[]", body(ex.answers.get(0)));
        assertTrue(ex.answers.get(0).emptyRead());
        assertEquals(1, metrics.snapshot().emptyResponses());
        assertReleased(ex, 0);
    }

    @Test
    void aWaitAboveTheMaximumIsClampedAndZeroIsNotHeld() {
        FakeExchange clamped = FakeExchange.get("/rooms/r/messages?wait=999999");
        resource.handle(clamped);
        assertEquals(60_000L, clamped.timer.delays.get(0));
        FakeExchange now = FakeExchange.get("/rooms/r/messages?wait=0");
        resource.handle(now);
        assertEquals("[]", body(now.answers.get(0)));
        assertTrue(now.timer.scheduled.isEmpty());
    }

    @Test
    void twoRacingWakeUpsAnswerOnce() {
        FakeExchange ex = FakeExchange.get("/rooms/r/messages?after=0");
        resource.handle(ex);
        Message first = store.append("r", "a", "one", null);
        Message second = store.append("r", "a", "two", null);
        ex.timer.fireAll();
        ex.runSerialTasks();
        ex.held.clientSpoke();
        assertEquals(1, ex.answers.size(), "the first wake-up answers, with everything that exists then");
        assertEquals("[" + json(first) + "," + json(second) + "]", body(ex.answers.get(0)));
        assertFalse(ex.held.clientLeft());
        assertReleased(ex, 2);
    }

    @Test
    void anAnnouncementOfAMessageTheClientAlreadyHasDoesNotAnswer() {
        Message old = store.append("r", "a", "seen", null);
        FakeExchange ex = FakeExchange.get("/rooms/r/messages?after=1");
        resource.handle(ex);
        // A late announcement of message 1, still walking the listeners of an append the client has seen.
        ((HeldPoll) ex.held).onAppend(old);
        assertTrue(ex.serialTasks.isEmpty());
        assertEquals(HeldPoll.State.HELD, ((HeldPoll) ex.held).state());
    }

    @Test
    void anAppendBetweenSubscribingAndReadingIsAnsweredOnce() {
        Message[] raced = new Message[1];
        FakeExchange ex = FakeExchange.get("/rooms/r/messages?after=0");
        HeldPoll poll = new HeldPoll(store, RequestTarget.parse(ex.target()), ex.serial(), outcome(ex));
        raced[0] = store.append("r", "a", "between", null);
        poll.answerOrHold(ex.timer, 1000);
        ex.runSerialTasks();
        assertEquals(1, ex.answers.size());
        assertEquals("[" + json(raced[0]) + "]", body(ex.answers.get(0)));
        assertEquals(HeldPoll.State.ANSWERED, poll.state());
        assertEquals(0, store.subscriberCount());
    }

    @Test
    void aClientThatLeavesIsDroppedWithoutAnAnswer() {
        FakeExchange ex = FakeExchange.get("/rooms/r/messages?after=0");
        resource.handle(ex);
        assertTrue(ex.held.clientLeft());
        store.append("r", "a", "too late", null);
        ex.timer.fireAll();
        ex.runSerialTasks();
        assertTrue(ex.answers.isEmpty());
        assertEquals(HeldPoll.State.ABANDONED, ((HeldPoll) ex.held).state());
        assertReleased(ex, 0);
    }

    @Test
    void aPipelinedRequestAnswersTheHeldOneFirstWithWhatExists() {
        FakeExchange ex = FakeExchange.get("/rooms/r/messages?after=0");
        resource.handle(ex);
        ex.held.clientSpoke();
        assertEquals("[]", body(ex.answers.get(0)));
        assertReleased(ex, 0);
    }

    @Test
    void aCursorBehindTheRetentionIsAnswered410AtOnce() {
        for (int i = 0; i < 6; i++) {
            store.append("r", "a", "m" + i, null);
        }
        FakeExchange ex = FakeExchange.get("/rooms/r/messages?after=1");
        resource.handle(ex);
        assertEquals(410, ex.answers.get(0).status());
        assertTrue(body(ex.answers.get(0)).contains("\"oldest\":3"));
    }

    private void assertReleased(FakeExchange ex, int messages) {
        assertEquals(1, ex.releases);
        assertEquals(0, metrics.heldRequests());
        assertEquals(0, store.subscriberCount());
        assertEquals(1, ex.timer.cancelled);
        assertEquals(messages, metrics.snapshot().messagesDelivered());
    }

    private HeldPoll.Outcome outcome(FakeExchange ex) {
        return new HeldPoll.Outcome() {
            @Override
            public void held(HeldPoll poll) {
                ex.holding(poll);
            }

            @Override
            public void released() {
                ex.released();
            }

            @Override
            public void answer(ReadResult result) {
                ex.answer(new ReadAnswers(metrics, ServerConfig.ONE_MIB)
                        .of(RequestTarget.parse(ex.target()), result));
            }
        };
    }

    private static String json(Message m) {
        return new String(m.json(), StandardCharsets.UTF_8);
    }

    private static String body(Answer a) {
        return new String(a.json(), StandardCharsets.UTF_8);
    }
}
