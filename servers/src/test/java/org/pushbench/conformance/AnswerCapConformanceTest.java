package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.RawHttp.get;
import static org.pushbench.conformance.RawHttp.message;
import static org.pushbench.conformance.RawHttp.post;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.store.InMemoryMessageStore;

/**
 * {@code --max-answer-bytes} through real sockets on every polling transport and engine: an answer's body is at
 * most the cap, ends at a whole message, holds at least one (a message larger than the cap comes alone), and the
 * client's next poll goes on from its cursor, so every message arrives once and in order, a slow reader's too.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AnswerCapConformanceTest {

    static final int CAP = 4096;
    static final ServerConfig CONFIG = ServerConfig.defaults().withMaxMessageBytes(8192).withMaxAnswerBytes(CAP);

    private final InMemoryMessageStore store = new InMemoryMessageStore(256, 16);
    private final Map<Transport, ChatServer> servers = new EnumMap<>(Transport.class);
    private ServerFactory factory;

    static Stream<Arguments> pollingServers() {
        return PollingConformanceTest.pollingServers();
    }

    private int start(Engine engine, Transport transport) throws Exception {
        factory = engine.newFactory();
        for (Transport t : List.of(Transport.SHORT_POLLING, transport)) {
            if (!servers.containsKey(t)) {
                ChatServer server = factory.create(t, 0, store, CONFIG);
                server.start();
                servers.put(t, server);
            }
        }
        return servers.get(transport).port();
    }

    @AfterEach
    void stop() {
        servers.values().forEach(ChatServer::close);
        factory.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pollingServers")
    void answersStopAtWholeMessagesWithinTheCap(Engine engine, Transport transport) throws Exception {
        int port = start(engine, transport);
        List<String> sent = postMessages(30, 500);
        try (RawHttp reader = new RawHttp(port)) {
            List<String> bodies = readAll(reader, transport, 30, 8192, 0);
            assertEquals(sent, messagesOf(bodies));
            for (int i = 0; i < bodies.size(); i++) {
                int bytes = bodies.get(i).getBytes(StandardCharsets.UTF_8).length;
                assertTrue(bytes <= CAP, "answer " + i + " is " + bytes + " B");
                if (i < bodies.size() - 1) {
                    // The next message would not have fitted: the answer is as long as the cap allows.
                    assertTrue(bytes + 1 + sent.get(0).length() > CAP, "answer " + i + " stopped early at " + bytes);
                }
            }
            assertTrue(bodies.size() >= 4, bodies.size() + " answers");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pollingServers")
    void aMessageLargerThanTheCapComesAlone(Engine engine, Transport transport) throws Exception {
        int port = start(engine, transport);
        List<String> sent = new ArrayList<>(postMessages(1, 6000));
        sent.addAll(postMessages(1, 10));
        try (RawHttp reader = new RawHttp(port)) {
            List<String> bodies = readAll(reader, transport, 2, 8192, 0);
            assertEquals(List.of("[" + sent.get(0) + "]", "[" + sent.get(1) + "]"), bodies);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pollingServers")
    void aSlowReaderGetsEveryMessageOnceWhileOthersPost(Engine engine, Transport transport) throws Exception {
        int port = start(engine, transport);
        List<String> sent = new ArrayList<>(postMessages(100, 500));
        Socket slow = new Socket();
        slow.setReceiveBufferSize(1024);
        slow.connect(new InetSocketAddress("127.0.0.1", port));
        try (RawHttp reader = new RawHttp(slow)) {
            CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return readAll(reader, transport, 140, 256, 2);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sent.addAll(postMessages(40, 500));
            List<String> bodies = read.get(45, TimeUnit.SECONDS);
            assertEquals(sent, messagesOf(bodies));
            bodies.forEach(b -> assertTrue(b.getBytes(StandardCharsets.UTF_8).length <= CAP, b.length() + " B"));
        }
    }

    /** Posts {@code count} messages with texts of {@code textBytes}; returns them as the server delivers them. */
    private List<String> postMessages(int count, int textBytes) throws Exception {
        List<String> delivered = new ArrayList<>();
        try (RawHttp http = new RawHttp(servers.get(Transport.SHORT_POLLING).port())) {
            for (int i = 0; i < count; i++) {
                String text = "x".repeat(textBytes - 4) + String.format("%04d", i);
                RawHttp.Response r = http.exchange(post("/rooms/capped/messages", message("a", text, i)));
                assertEquals(201, r.status(), r.text());
                long id = store.lastId("capped");
                delivered.add(PollingConformanceTest.delivered(id, "capped", "a", text, i));
            }
        }
        return delivered;
    }

    /** Polls from the cursor until {@code expected} messages came; every answer's body, in order. */
    private static List<String> readAll(RawHttp reader, Transport transport, int expected, int bytesPerRead,
            long pauseMillis) throws Exception {
        List<String> bodies = new ArrayList<>();
        long cursor = 0;
        int got = 0;
        while (got < expected) {
            String query = transport == Transport.LONG_POLLING ? "&wait=5000" : "";
            reader.send(get("/rooms/capped/messages?after=" + cursor + query));
            RawHttp.Response r = reader.readSlowly(bytesPerRead, pauseMillis);
            assertEquals(200, r.status(), r.text());
            List<String> messages = messagesOf(List.of(r.text()));
            if (messages.isEmpty()) {
                continue;
            }
            bodies.add(r.text());
            got += messages.size();
            String last = messages.get(messages.size() - 1);
            cursor = Long.parseLong(last.substring("{\"id\":".length(), last.indexOf(',')));
        }
        return bodies;
    }

    /** The delivered messages of answer bodies: their texts never hold a brace, so each is one {...}. */
    private static List<String> messagesOf(List<String> bodies) {
        List<String> messages = new ArrayList<>();
        for (String body : bodies) {
            int start = body.indexOf('{');
            while (start >= 0) {
                int end = body.indexOf('}', start);
                messages.add(body.substring(start, end + 1));
                start = body.indexOf('{', end);
            }
        }
        return messages;
    }
}
