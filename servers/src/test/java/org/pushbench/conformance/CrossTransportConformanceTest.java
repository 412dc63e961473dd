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

/** The three servers share one store: a message sent through any of them reaches the clients of all three. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CrossTransportConformanceTest {

    static final List<Engine> ENGINES = ConformanceServers.ENGINES;

    @AfterAll
    static void stopServers() {
        ConformanceServers.closeAll();
    }

    @ParameterizedTest
    @FieldSource("ENGINES")
    void aMessageSentThroughAnyTransportReachesAllThree(Engine engine) throws Exception {
        ConformanceServers s = ConformanceServers.of(engine);
        String room = ConformanceServers.freshRoom();
        String messages = "/rooms/" + room + "/messages";
        try (RawWebSocket ws = RawWebSocket.open(s.port(Transport.WEBSOCKET), "/rooms/" + room + "/ws");
                RawHttp longPoll = new RawHttp(s.port(Transport.LONG_POLLING));
                RawHttp shortPoll = new RawHttp(s.port(Transport.SHORT_POLLING))) {
            eventually("the WebSocket member is subscribed", Duration.ofSeconds(5),
                    () -> s.store.subscriberCount(room) == 1);
            longPoll.send(get(messages + "?after=0&wait=10000"));
            CompletableFuture<RawHttp.Response> held = longPoll.readLater();
            eventually("the long poll is held", Duration.ofSeconds(5), () -> s.store.subscriberCount(room) == 2);

            assertEquals(201, shortPoll.exchange(post(messages, message("short", "one", 1))).status());
            String one = delivered(1, room, "short", "one", 1);
            assertEquals(one, ws.next().text());
            assertEquals("[" + one + "]", held.get(5, TimeUnit.SECONDS).text());

            ws.sendText(message("ws", "two", 2));
            String two = delivered(2, room, "ws", "two", 2);
            assertEquals(two, ws.next().text());
            assertEquals("[" + two + "]", shortPoll.exchange(get(messages + "?after=1")).text());

            assertEquals(201, longPoll.exchange(post(messages, message("long", "three", 3))).status());
            String three = delivered(3, room, "long", "three", 3);
            assertEquals(three, ws.next().text());
            assertEquals("[" + two + "," + three + "]", shortPoll.exchange(get(messages + "?after=1")).text());
        }
    }
}
