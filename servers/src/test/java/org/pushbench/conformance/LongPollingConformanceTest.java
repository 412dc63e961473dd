package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.Eventually.eventually;
import static org.pushbench.conformance.PollingConformanceTest.delivered;
import static org.pushbench.conformance.RawHttp.get;
import static org.pushbench.conformance.RawHttp.message;
import static org.pushbench.conformance.RawHttp.post;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.InMemoryMessageStore;

/** The held request of long polling: woken by an append, answered empty at its timeout, released when the client leaves. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LongPollingConformanceTest {

    static final java.util.List<Engine> ENGINES = ConformanceServers.ENGINES;

    @AfterAll
    static void stopServers() {
        ConformanceServers.closeAll();
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aHeldPollIsAnsweredByTheNextAppendFromAnyTransport(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        TransportMetrics metrics = s.server(Transport.LONG_POLLING).metrics();
        String room = ConformanceServers.freshRoom();
        long heldBefore = metrics.heldRequests();
        try (RawHttp poll = new RawHttp(s.port(Transport.LONG_POLLING));
                RawHttp poster = new RawHttp(s.port(Transport.SHORT_POLLING))) {
            poll.send(get("/rooms/" + room + "/messages?after=0&wait=10000"));
            CompletableFuture<RawHttp.Response> answer = poll.readLater();
            eventually("the poll is held", Duration.ofSeconds(5), () -> metrics.heldRequests() == heldBefore + 1);
            assertTrue(!answer.isDone(), "nothing to answer yet");

            assertEquals(201, poster.exchange(post("/rooms/" + room + "/messages", message("bob", "wake", 9))).status());
            RawHttp.Response r = answer.get(5, TimeUnit.SECONDS);
            assertEquals(200, r.status());
            assertEquals("[" + delivered(1, room, "bob", "wake", 9) + "]", r.text());
        }
        eventually("the held poll is released", Duration.ofSeconds(5), () -> metrics.heldRequests() == heldBefore);
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aHeldPollRunsOutWithAnEmptyArray(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        try (RawHttp poll = new RawHttp(s.port(Transport.LONG_POLLING))) {
            long start = System.nanoTime();
            RawHttp.Response r = poll.exchange(get("/rooms/" + room + "/messages?after=0&wait=300"));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, r.status());
            assertEquals("[]", r.text());
            assertTrue(elapsedMillis >= 290, "held for its wait, not answered early: " + elapsedMillis + " ms");
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aWaitLongerThanTheMaximumIsClamped(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        try (RawHttp poll = new RawHttp(s.port(Transport.LONG_POLLING))) {
            long start = System.nanoTime();
            RawHttp.Response r = poll.exchange(get("/rooms/" + ConformanceServers.freshRoom()
                    + "/messages?after=0&wait=600000"));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("[]", r.text());
            assertTrue(elapsedMillis >= ConformanceServers.MAX_WAIT.toMillis() - 10 && elapsedMillis < 20_000,
                    "answered at the maximum wait, " + ConformanceServers.MAX_WAIT.toMillis() + " ms: " + elapsedMillis);
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aClientThatLeavesReleasesItsHeldPollAndSubscription(Engine engine) throws Exception {
        // Its own server, whose waits are not clamped to the suite's 1.5 s: only the departure can release it.
        InMemoryMessageStore store = new InMemoryMessageStore(16, 16);
        try (ServerFactory factory = engine.newFactory();
                ChatServer server = factory.create(Transport.LONG_POLLING, 0, store, ServerConfig.defaults())) {
            server.start();
            TransportMetrics metrics = server.metrics();
            RawHttp poll = new RawHttp(server.port());
            poll.send(get("/rooms/lobby/messages?after=0&wait=60000"));
            eventually("the poll is held", Duration.ofSeconds(5), () -> metrics.heldRequests() == 1);
            assertEquals(1, store.subscriberCount());
            poll.close();
            eventually("the held poll is released", Duration.ofSeconds(5), () -> metrics.heldRequests() == 0);
            eventually("the subscription is dropped", Duration.ofSeconds(5), () -> store.subscriberCount() == 0);
            assertEquals(1, store.append("lobby", "a", "after the client left", null).id());
            assertEquals(0, metrics.heldRequests(), "an append after the departure holds nothing again");
            assertEquals(0, store.subscriberCount(), "and wakes no forgotten subscription");
            assertEquals(0, metrics.snapshot().messagesDelivered(), "nothing was delivered to the departed client");
        }
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aNewRequestOnAConnectionWithAHeldPollKeepsResponsesInOrder(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        s.store.append(room, "a", "one", 1L);
        try (RawHttp http = new RawHttp(s.port(Transport.LONG_POLLING))) {
            http.send(get("/rooms/" + room + "/messages?after=1&wait=10000") + get("/rooms/" + room
                    + "/messages?after=0&wait=0"));
            RawHttp.Response first = http.read();
            RawHttp.Response second = http.read();
            assertEquals(200, first.status());
            assertEquals(200, second.status());
            assertEquals("[" + delivered(1, room, "a", "one", 1) + "]", second.text(),
                    "the second answer is the second request's");
        }
    }
}
