package org.pushbench.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.pushbench.bench.load.ChatLoad;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.meter.WireCategory;
import org.pushbench.bench.meter.WireMeter;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;
import org.pushbench.server.TransportMetrics;

/**
 * A trial's end, as Trial does it: the load closes and the client loop is shut down right after. Every WebSocket
 * member and the publisher must have finished the close handshake by then (its masked close frame out, the
 * server's close frame in), and the server must have counted exactly the bytes the clients read and wrote: a
 * frame written into a connection the client had already dropped would show as a difference.
 */
class WebSocketCloseTest {

    private static final int MEMBERS = 20;
    /**
     * The client's masked close frame: 2 B header, 4 B mask, status 1000 (2 B) and Netty's reason for it, "Bye"
     * (3 B); the server's answer echoes status and reason, unmasked.
     */
    private static final long CLIENT_CLOSE = 2 + 4 + 2 + 3;
    private static final long SERVER_CLOSE = 2 + 2 + 3;

    static java.util.stream.Stream<Engine> engines() {
        return InProcessServers.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyConnectionEndsWithTheCloseHandshake(Engine engine) throws Exception {
        try (InProcessServers servers = new InProcessServers(engine, Duration.ofMinutes(5))) {
            ClientTarget target = servers.target(Transport.WEBSOCKET, HeaderProfile.MINIMAL);
            ClientLoop loop = new ClientLoop(2);
            ChatLoad load = new ChatLoad(new LoadSpec(Transport.WEBSOCKET, MEMBERS, 50, 64, 1000, 0,
                    HeaderProfile.MINIMAL, target.room()), target, loop);
            try {
                load.connect(Duration.ofSeconds(20));
                load.startSending();
                await(() -> load.recipients().counts().deliveries() >= 3L * MEMBERS);
                load.stopAndVerify(Duration.ofSeconds(20));
            } finally {
                try {
                    load.close();
                } finally {
                    loop.close();
                }
            }
            TransportMetrics server = servers.server(Transport.WEBSOCKET).metrics();
            await(() -> server.snapshot().openConnections() == 0);

            WireMeter.Snapshot members = load.recipients().wire().snapshot();
            WireMeter.Snapshot publisher = load.publisherMeters().wire().snapshot();
            assertEquals(MEMBERS * (CLIENT_CLOSE + SERVER_CLOSE), members.get(WireCategory.KEEPALIVE),
                    "each member sent its close frame and read the server's");
            assertEquals(CLIENT_CLOSE + SERVER_CLOSE, publisher.get(WireCategory.KEEPALIVE), "so did the publisher");
            assertEquals(0, members.inFlight() + publisher.inFlight(), "every byte read was a whole frame");
            TransportMetrics.Snapshot counted = server.snapshot();
            assertEquals(counted.bytesWritten(), members.read() + publisher.read(), "the clients read all it wrote");
            assertEquals(counted.bytesRead(), members.written() + publisher.written());
            assertEquals(0, load.recipients().counts().errors(), load.recipients().firstError());
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(5);
        }
    }
}
