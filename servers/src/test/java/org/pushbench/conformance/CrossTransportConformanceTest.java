package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pushbench.conformance.Eventually.eventually;
import static org.pushbench.conformance.PollingConformanceTest.delivered;
import static org.pushbench.conformance.RawHttp.get;
import static org.pushbench.conformance.RawHttp.message;
import static org.pushbench.conformance.RawHttp.post;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/** The four servers share one store: a message sent through any of them reaches the clients of all four. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CrossTransportConformanceTest {

    static final List<Engine> ENGINES = ConformanceServers.ENGINES;

    @AfterAll
    static void stopServers() {
        ConformanceServers.closeAll();
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aMessageSentThroughAnyTransportReachesAllFour(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        String messages = "/rooms/" + room + "/messages";
        try (RawWebSocket ws = RawWebSocket.open(s.port(Transport.WEBSOCKET), "/rooms/" + room + "/ws");
                RawHttp longPoll = new RawHttp(s.port(Transport.LONG_POLLING));
                RawHttp shortPoll = new RawHttp(s.port(Transport.SHORT_POLLING));
                RawEventStream events = RawEventStream.open(s.port(Transport.SSE), "/rooms/" + room + "/events");
                RawHttp ssePost = new RawHttp(s.port(Transport.SSE))) {
            events.nextChunk();
            eventually("the WebSocket and SSE members are subscribed", Duration.ofSeconds(5),
                    () -> s.store.subscriberCount(room) == 2);
            longPoll.send(get(messages + "?after=0&wait=10000"));
            CompletableFuture<RawHttp.Response> held = longPoll.readLater();
            eventually("the long poll is held", Duration.ofSeconds(5), () -> s.store.subscriberCount(room) == 3);

            assertEquals(201, shortPoll.exchange(post(messages, message("short", "one", 1))).status());
            String one = delivered(1, room, "short", "one", 1);
            assertEquals(one, ws.next().text());
            assertEquals("id: 1\ndata: " + one + "\n\n", events.nextEvent());
            assertEquals("[" + one + "]", held.get(5, TimeUnit.SECONDS).text());

            ws.sendText(message("ws", "two", 2));
            String two = delivered(2, room, "ws", "two", 2);
            assertEquals(two, ws.next().text());
            assertEquals("id: 2\ndata: " + two + "\n\n", events.nextEvent());
            assertEquals("[" + two + "]", shortPoll.exchange(get(messages + "?after=1")).text());

            assertEquals(201, longPoll.exchange(post(messages, message("long", "three", 3))).status());
            String three = delivered(3, room, "long", "three", 3);
            assertEquals(three, ws.next().text());
            assertEquals("id: 3\ndata: " + three + "\n\n", events.nextEvent());
            assertEquals("[" + two + "," + three + "]", shortPoll.exchange(get(messages + "?after=1")).text());

            assertEquals(201, ssePost.exchange(post(messages, message("sse", "four", 4))).status());
            String four = delivered(4, room, "sse", "four", 4);
            assertEquals(four, ws.next().text());
            assertEquals("id: 4\ndata: " + four + "\n\n", events.nextEvent());
            assertEquals("[" + four + "]", shortPoll.exchange(get(messages + "?after=3")).text());
        }
    }
}
