package org.pushbench.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.WireCategory;
import org.pushbench.bench.meter.WireMeter;
import org.pushbench.protocol.ChatJson;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.server.TransportMetrics;
import org.pushbench.server.tls.TlsConfig;
import org.pushbench.server.tls.TlsVersion;

/**
 * The byte meter over TLS, through real sockets on both engines: the application's categories are what they
 * are in plaintext, what TLS adds is its own (handshake, records), every byte is attributed, and the clients'
 * socket counts equal the server's.
 */
class TlsWireBytesTest {

    private static final String SENT = "{\"from\":\"alice\",\"text\":\"hi\",\"stamp\":7}";

    /**
     * What one AES-GCM record from the JDK's TLS adds to its plaintext: TLS 1.3 a 5-byte header, the inner
     * content-type byte, 16 zero bytes of padding (the JDK pads every TLS 1.3 record so; OpenSSL and BoringSSL
     * add none) and a 16-byte tag; TLS 1.2 the header, an 8-byte explicit nonce and the tag.
     */
    static long recordOverhead(TlsVersion version) {
        return version == TlsVersion.TLS_1_3 ? 5 + 1 + 16 + 16 : 5 + 8 + 16;
    }

    static Stream<Arguments> enginesAndVersions() {
        return InProcessServers.engines().flatMap(e -> Stream.of(TlsVersion.values()).map(v -> Arguments.of(e, v)));
    }

    private static InProcessServers servers(Engine engine, TlsVersion version) throws Exception {
        return new InProcessServers(engine, ServerConfig.defaults().withPing(Duration.ofMinutes(5),
                Duration.ofSeconds(5)).withTls(TlsConfig.generated().withVersion(version)));
    }

    @ParameterizedTest
    @MethodSource("enginesAndVersions")
    void aWssDeliveryIsOneRecordAroundTheFrameAndTheClientsCountsEqualTheServers(Engine engine, TlsVersion version)
            throws Exception {
        try (InProcessServers servers = servers(engine, version); ClientLoop loop = new ClientLoop(1)) {
            ClientTarget target = servers.target(Transport.WEBSOCKET, HeaderProfile.MINIMAL)
                    .with(ClientTls.on(version));
            RecipientMeters meters = new RecipientMeters();
            WebSocketClient client = new WebSocketClient(loop, target, meters);
            client.start().get();
            await(() -> meters.wire().snapshot().inFlight() == 0);
            WireMeter.Snapshot opened = meters.wire().snapshot();
            assertTrue(opened.get(WireCategory.TLS_HANDSHAKE) > 0, "the handshake crossed the wire");

            servers.post(target.room(), SENT);
            await(() -> meters.counts().deliveries() == 1);
            int n = ChatJson.delivered(1, ChatJson.deliveredTail(target.room(), "alice", "hi", 7L)).length;
            await(() -> meters.wire().snapshot().inFlight() == 0);
            WireMeter.Snapshot one = meters.wire().snapshot().minus(opened);
            assertEquals(n, one.get(WireCategory.PAYLOAD));
            assertEquals(2, one.get(WireCategory.FRAMING), "RFC 6455's 2-byte header, inside TLS");
            assertEquals(n + 2 + recordOverhead(version), one.read(), "one record around the frame");
            assertEquals(one.read(), one.attributed());
            awaitSocketsAgree(meters, servers.server(Transport.WEBSOCKET).metrics());
            client.close();
        }
    }

    @ParameterizedTest
    @MethodSource("enginesAndVersions")
    void anHttpsPollIsItsPlaintextBytesAndOneRecordEachWay(Engine engine, TlsVersion version) throws Exception {
        try (InProcessServers servers = servers(engine, version); ClientLoop loop = new ClientLoop(1)) {
            ClientTarget target = servers.target(Transport.SHORT_POLLING, HeaderProfile.MINIMAL)
                    .with(ClientTls.on(version));
            RecipientMeters meters = new RecipientMeters();
            ShortPollingClient client = new ShortPollingClient(loop, target, meters, 50);
            client.start().get();
            // Above TLS, an empty poll is what it is in plaintext (WireBytesTest); the same count on both engines.
            long perPoll = ("GET " + target.messagesPath() + "?after=0 HTTP/1.1\r\nhost: " + target.authority()
                    + "\r\n\r\n").length()
                    + "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n[]".length();
            WireMeter.Snapshot first = betweenPolls(meters, 2);
            WireMeter.Snapshot later = betweenPolls(meters, first.get(WireCategory.EMPTY_POLLS) / perPoll + 3);
            assertEquals(0, first.get(WireCategory.EMPTY_POLLS) % perPoll, "whole empty polls of plaintext size");
            assertEquals(0, later.get(WireCategory.EMPTY_POLLS) % perPoll, "whole empty polls of plaintext size");
            long polls = (later.get(WireCategory.EMPTY_POLLS) - first.get(WireCategory.EMPTY_POLLS)) / perPoll;
            assertEquals(polls * 2 * recordOverhead(version),
                    later.get(WireCategory.TLS_RECORDS) - first.get(WireCategory.TLS_RECORDS),
                    "one record for the request, one for the answer");
            assertEquals(first.get(WireCategory.TLS_HANDSHAKE), later.get(WireCategory.TLS_HANDSHAKE));
            awaitSocketsAgree(meters, servers.server(Transport.SHORT_POLLING).metrics());
            client.close();
        }
    }

    /** A snapshot with every byte attributed (no poll under way) and at least {@code polls} answered. */
    private static WireMeter.Snapshot betweenPolls(RecipientMeters meters, long polls) throws InterruptedException {
        WireMeter.Snapshot[] s = new WireMeter.Snapshot[1];
        await(() -> {
            s[0] = meters.wire().snapshot();
            return s[0].inFlight() == 0 && meters.counts().emptyResponses() >= polls
                    && s[0].attributed() == meters.wire().snapshot().attributed();
        });
        return s[0];
    }

    /**
     * With the client's one connection open, its socket counts and the server's must agree exactly. (After a
     * close they need not: the side that closes does not read the other's close_notify.)
     */
    private static void awaitSocketsAgree(RecipientMeters meters, TransportMetrics server) throws Exception {
        try {
            await(() -> {
                WireMeter.Snapshot client = meters.wire().snapshot();
                TransportMetrics.Snapshot s = server.snapshot();
                return s.openConnections() == 1 && client.read() == s.bytesWritten()
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
