package org.pushbench.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.WireCategory;
import org.pushbench.bench.meter.WireMeter;
import org.pushbench.protocol.ChatJson;
import org.pushbench.server.Engine;
import org.pushbench.server.TransportMetrics;
import org.pushbench.server.Transport;

/**
 * The byte meter, pinned byte for byte through real sockets: what each transport's client counts, how it splits
 * it, and that it equals what the server counted at its own socket.
 */
class WireBytesTest {

    private static final Duration QUIET = Duration.ofMinutes(5);
    private static final String SENT = "{\"from\":\"alice\",\"text\":\"hi\",\"stamp\":7}";

    static Stream<Engine> engines() {
        return InProcessServers.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aWebSocketDeliveryOfNBytesCostsNPlusTwoAndTheHandshakeIsAllHeaders(Engine engine) throws Exception {
        try (InProcessServers servers = new InProcessServers(engine, QUIET); ClientLoop loop = new ClientLoop(1)) {
            ClientTarget target = servers.target(Transport.WEBSOCKET, HeaderProfile.MINIMAL);
            RecipientMeters meters = new RecipientMeters();
            WebSocketClient client = new WebSocketClient(loop, target, meters);
            client.start().get();
            WireMeter.Snapshot handshake = meters.wire().snapshot();
            assertEquals(handshake.total(), handshake.get(WireCategory.HEADERS), "the handshake is headers");

            servers.post(target.room(), SENT);
            await(() -> meters.counts().deliveries() == 1);
            int n = deliveredLength(target.room(), 1, "hi");
            WireMeter.Snapshot one = meters.wire().snapshot().minus(handshake);
            assertEquals(n + 2, one.read(), "RFC 6455: 2-byte header for N <= 125");
            assertEquals(0, one.written());
            assertEquals(n, one.get(WireCategory.PAYLOAD));
            assertEquals(2, one.get(WireCategory.FRAMING));

            String longText = "y".repeat(300);
            servers.post(target.room(), "{\"from\":\"alice\",\"text\":\"" + longText + "\",\"stamp\":7}");
            await(() -> meters.counts().deliveries() == 2);
            int m = deliveredLength(target.room(), 2, longText);
            assertEquals(m + 4, meters.wire().snapshot().minus(handshake).read() - one.read(),
                    "16-bit extended length for 126 <= N <= 65535");

            client.close();
            awaitSocketsAgree(meters, servers.server(Transport.WEBSOCKET).metrics());
            assertEquals(0, meters.wire().snapshot().inFlight(), "every byte attributed, the close included");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aClientFrameCarriesAFourByteMaskingKey(Engine engine) throws Exception {
        try (InProcessServers servers = new InProcessServers(engine, QUIET); ClientLoop loop = new ClientLoop(1)) {
            ClientTarget target = servers.target(Transport.WEBSOCKET, HeaderProfile.MINIMAL);
            RecipientMeters meters = new RecipientMeters();
            WebSocketPublisher publisher = new WebSocketPublisher(loop, target, meters);
            publisher.start().get();
            WireMeter.Snapshot handshake = meters.wire().snapshot();
            byte[] sent = ascii(SENT);
            publisher.publish(sent, now -> { });
            await(() -> meters.counts().deliveries() == 1);
            assertEquals(sent.length + 6, meters.wire().snapshot().minus(handshake).written(),
                    "RFC 6455: 2-byte header and 4-byte mask for N <= 125");
            publisher.close();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void pingsAndPongsAreKeepaliveAndEveryByteIsAttributed(Engine engine) throws Exception {
        try (InProcessServers servers = new InProcessServers(engine, Duration.ofMillis(200));
                ClientLoop loop = new ClientLoop(1)) {
            RecipientMeters meters = new RecipientMeters();
            WebSocketClient client = new WebSocketClient(loop, servers.target(Transport.WEBSOCKET,
                    HeaderProfile.MINIMAL), meters);
            client.start().get();
            await(() -> meters.wire().snapshot().get(WireCategory.KEEPALIVE) > 0);
            client.close();
            awaitSocketsAgree(meters, servers.server(Transport.WEBSOCKET).metrics());
            WireMeter.Snapshot all = meters.wire().snapshot();
            assertEquals(0, all.inFlight());
            assertEquals(0, meters.counts().errors(), meters.firstError());
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aLongPollDeliveryIsHeadersPayloadAndArrayPunctuation(Engine engine) throws Exception {
        try (InProcessServers servers = new InProcessServers(engine, QUIET); ClientLoop loop = new ClientLoop(1)) {
            ClientTarget target = servers.target(Transport.LONG_POLLING, HeaderProfile.MINIMAL);
            RecipientMeters meters = new RecipientMeters();
            LongPollingClient client = new LongPollingClient(loop, target, meters, 60_000);
            client.start().get();
            await(() -> servers.server(Transport.LONG_POLLING).metrics().snapshot().heldRequests() == 1);

            servers.post(target.room(), SENT);
            int n = deliveredLength(target.room(), 1, "hi");
            String request = "GET " + target.messagesPath() + "?after=0&wait=60000 HTTP/1.1\r\nhost: "
                    + target.authority() + "\r\n\r\n";
            long requestBytes = request.length();
            // The next poll is held: counted at the socket once written, attributed only when answered.
            try {
                await(() -> meters.counts().requests() == 2 && meters.wire().snapshot().inFlight() == requestBytes);
            } catch (AssertionError e) {
                throw new AssertionError(meters.counts() + ", in flight " + meters.wire().snapshot().inFlight()
                        + ", first error " + meters.firstError(), e);
            }
            WireMeter.Snapshot s = meters.wire().snapshot();
            assertEquals(n, s.get(WireCategory.PAYLOAD));
            assertEquals(2, s.get(WireCategory.FRAMING), "[ and ]");
            if (engine == Engine.NETTY) {
                String head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + (n + 2)
                        + "\r\n\r\n";
                assertEquals(requestBytes + head.length(), s.get(WireCategory.HEADERS));
            }
            // Before closing: leaving with a poll held, a Jetty server still writes that poll's [] answer.
            awaitSocketsAgree(meters, servers.server(Transport.LONG_POLLING).metrics(), 1);
            client.close();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anEmptyShortPollCountsWholeAsWaste(Engine engine) throws Exception {
        try (InProcessServers servers = new InProcessServers(engine, QUIET); ClientLoop loop = new ClientLoop(1)) {
            ClientTarget target = servers.target(Transport.SHORT_POLLING, HeaderProfile.MINIMAL);
            RecipientMeters meters = new RecipientMeters();
            ShortPollingClient client = new ShortPollingClient(loop, target, meters, 50);
            client.start().get();
            await(() -> meters.counts().emptyResponses() >= 3);
            client.close();
            awaitSocketsAgree(meters, servers.server(Transport.SHORT_POLLING).metrics());
            WireMeter.Snapshot s = meters.wire().snapshot();
            long empties = meters.counts().emptyResponses();
            assertEquals(s.total() - s.inFlight(), s.get(WireCategory.EMPTY_POLLS), "nothing but empty polls");
            assertEquals(0, s.get(WireCategory.EMPTY_POLLS) % empties, "every empty poll costs the same");
            if (engine == Engine.NETTY) {
                String request = "GET " + target.messagesPath() + "?after=0 HTTP/1.1\r\nhost: " + target.authority()
                        + "\r\n\r\n";
                String answer = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n[]";
                assertEquals(empties * (request.length() + answer.length()), s.get(WireCategory.EMPTY_POLLS));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theBrowserProfileAddsExactlyItsHeaderBytesToEachRequest(Engine engine) throws Exception {
        long[] headers = new long[2];
        long profileBytes = 0;
        for (HeaderProfile profile : HeaderProfile.values()) {
            try (InProcessServers servers = new InProcessServers(engine, QUIET);
                    ClientLoop loop = new ClientLoop(1)) {
                ClientTarget target = servers.target(Transport.LONG_POLLING, profile);
                RecipientMeters meters = new RecipientMeters();
                LongPollingClient client = new LongPollingClient(loop, target, meters, 60_000);
                client.start().get();
                await(() -> servers.server(Transport.LONG_POLLING).metrics().snapshot().heldRequests() == 1);
                servers.post(target.room(), SENT);
                await(() -> meters.counts().requests() == 2);
                // Less the room's name in the request line: rooms are numbered, and room9 and room10 differ.
                headers[profile.ordinal()] = meters.wire().snapshot().get(WireCategory.HEADERS)
                        - target.room().length();
                client.close();
                if (profile == HeaderProfile.BROWSER) {
                    for (var header : profile.headers(target.origin())) {
                        profileBytes += header.getKey().length() + 2 + header.getValue().length() + 2;
                    }
                }
            }
        }
        assertTrue(profileBytes > 500, "a browser sends hundreds of header bytes: " + profileBytes);
        assertEquals(profileBytes, headers[1] - headers[0], "one delivering exchange, browser minus minimal");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anSseDeliveryOfNBytesCostsNPlusItsEventFieldsAndChunkAndTheStreamOpeningIsHeaders(Engine engine)
            throws Exception {
        try (InProcessServers servers = new InProcessServers(engine, QUIET); ClientLoop loop = new ClientLoop(1)) {
            ClientTarget target = servers.target(Transport.SSE, HeaderProfile.MINIMAL);
            TransportMetrics server = servers.server(Transport.SSE).metrics();
            RecipientMeters meters = new RecipientMeters();
            EventSourceClient client = new EventSourceClient(loop, target, meters);
            client.start().get();
            String request = "GET /rooms/" + target.room() + "/events?after=0 HTTP/1.1\r\nhost: "
                    + target.authority() + "\r\n\r\n";
            String head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
                    + "transfer-encoding: chunked\r\n\r\n";
            String retry = "retry: 3000\n\n";
            await(() -> meters.wire().snapshot().get(WireCategory.HEADERS)
                    == request.length() + head.length() + retry.length());
            awaitSocketsAgree(meters, server, 1);
            WireMeter.Snapshot opening = meters.wire().snapshot();
            assertEquals(opening.total(), opening.attributed(), "the opening is all attributed");
            assertEquals(opening.total() - request.length() - head.length() - retry.length(),
                    opening.get(WireCategory.FRAMING), "and the rest is the retry chunk's framing");

            for (int id = 1; id <= 2; id++) {
                WireMeter.Snapshot before = meters.wire().snapshot();
                servers.post(target.room(), SENT);
                int delivered = id;
                await(() -> meters.counts().deliveries() == delivered);
                awaitSocketsAgree(meters, server, 1);
                int n = deliveredLength(target.room(), id, "hi");
                int event = ("id: " + id + "\ndata: \n\n").length() + n;
                int chunk = Integer.toHexString(event).length() + 4;
                WireMeter.Snapshot one = meters.wire().snapshot().minus(before);
                // One chunk per event; Jetty writes a chunk's closing CRLF with the next chunk, Netty with its
                // own: per event the same bytes either way.
                assertEquals(n + ("id: " + id + "\ndata: \n\n").length() + chunk, one.read(),
                        "payload, the id and data fields, a blank line, and the chunk's size line and CRLFs");
                assertEquals(0, one.written(), "one-way");
                assertEquals(n, one.get(WireCategory.PAYLOAD));
                assertEquals(one.read() - n, one.get(WireCategory.FRAMING));
                assertEquals(0, one.inFlight());
            }
            client.close();
            awaitSocketsAgree(meters, server);
            assertEquals(0, meters.wire().snapshot().inFlight(), "every byte attributed");
            assertEquals(0, meters.counts().errors(), meters.firstError());
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sseCommentLinesAreKeepaliveAndEveryByteIsAttributed(Engine engine) throws Exception {
        try (InProcessServers servers = new InProcessServers(engine, Duration.ofMillis(200));
                ClientLoop loop = new ClientLoop(1)) {
            RecipientMeters meters = new RecipientMeters();
            EventSourceClient client = new EventSourceClient(loop, servers.target(Transport.SSE,
                    HeaderProfile.MINIMAL), meters);
            client.start().get();
            await(() -> meters.wire().snapshot().get(WireCategory.KEEPALIVE) >= 2 * ": keepalive\n".length());
            client.close();
            awaitSocketsAgree(meters, servers.server(Transport.SSE).metrics());
            WireMeter.Snapshot all = meters.wire().snapshot();
            assertEquals(0, all.get(WireCategory.KEEPALIVE) % ": keepalive\n".length());
            assertEquals(0, all.inFlight());
            assertEquals(0, meters.counts().errors(), meters.firstError());
        }
    }

    private static int deliveredLength(String room, long id, String text) {
        return ChatJson.delivered(id, ChatJson.deliveredTail(room, "alice", text, 7L)).length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Once the client has closed, its socket counts and the server's must agree exactly. */
    private static void awaitSocketsAgree(RecipientMeters meters, TransportMetrics server) throws Exception {
        awaitSocketsAgree(meters, server, 0);
    }

    /** With {@code open} connections left, the client's socket counts and the server's must agree exactly. */
    private static void awaitSocketsAgree(RecipientMeters meters, TransportMetrics server, int open)
            throws Exception {
        try {
            await(() -> {
                WireMeter.Snapshot client = meters.wire().snapshot();
                TransportMetrics.Snapshot s = server.snapshot();
                return s.openConnections() == open && client.read() == s.bytesWritten()
                        && client.written() == s.bytesRead();
            });
        } catch (AssertionError e) {
            throw new AssertionError("client " + meters.wire().snapshot() + ", server " + server.snapshot(), e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(5);
        }
    }
}
