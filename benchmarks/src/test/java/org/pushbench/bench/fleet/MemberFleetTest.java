package org.pushbench.bench.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.load.ChatLoad;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.Members;
import org.pushbench.bench.load.MessageEncoder;
import org.pushbench.bench.load.ServerSnapshot;
import org.pushbench.bench.load.ServerUnderTest;
import org.pushbench.bench.meter.DeliveryCheck;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * Members in two real member processes against a real server process, on every transport: every member gets
 * every message once and in order, the merged histograms hold one sample per delivery, the summed bytes are the
 * server's bytes less the publisher's, and a message the members never got fails the check in their process.
 */
class MemberFleetTest {

    private static final int MEMBERS = 60;
    private static final int PROCESSES = 2;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void membersInTwoProcessesAreCheckedTimedAndCountedAsInOne() throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(Engine.NETTY, EnumSet.allOf(Transport.class), "256m",
                List.of(), Duration.ofSeconds(30)); ClientLoop loop = new ClientLoop(1)) {
            for (Transport t : Transport.values()) {
                runOn(server, loop, t);
            }
        }
    }

    private static void runOn(ServerUnderTest server, ClientLoop loop, Transport t) throws Exception {
        String room = "fleet-" + t.id() + "-" + System.nanoTime();
        LoadSpec spec = new LoadSpec(t, MEMBERS, 20, 64, 200, 0, HeaderProfile.MINIMAL, room);
        ClientTarget target = new ClientTarget(server.host(), server.port(t), room, spec.headers());
        MemberFleet fleet = MemberFleet.start(spec, Collections.nCopies(PROCESSES, target), "128m");
        try (ChatLoad load = new ChatLoad(spec, target, loop, fleet, MessageEncoder.sentMessages(64))) {
            load.connect(Duration.ofSeconds(30));
            load.startSending();
            Thread.sleep(1_500);
            Members.Reading first = fleet.read();
            load.stopAndVerify(Duration.ofSeconds(30));
            long sent = load.sent();
            Members.Reading last = fleet.read();
            String what = t.id() + ", " + sent + " messages";
            assertTrue(sent > 10, what);
            assertEquals(MEMBERS * sent, last.counts().deliveries(), what);
            assertEquals(last.counts().deliveries(), first.latency().corrected().getTotalCount()
                    + last.latency().corrected().getTotalCount(), "one corrected sample per delivery: " + what);
            assertEquals(last.counts().deliveries(), first.latency().uncorrected().getTotalCount()
                    + last.latency().uncorrected().getTotalCount(), "one uncorrected sample per delivery: " + what);
            assertEquals(0, last.counts().errors(), what);
            assertSameBytesAsTheServer(server, t, fleet, load);
            DeliveryCheck.DeliveryFailure short1 = assertThrows(DeliveryCheck.DeliveryFailure.class,
                    () -> fleet.verify(sent + 1), "a message no member got fails the run: " + what);
            assertEquals(PROCESSES, short1.getMessage().split("member process").length - 1, short1.getMessage());
        }
    }

    /**
     * What the members' sockets counted in both processes plus the publisher's is what the server's counted on
     * this transport since it started;
     * polled until the two sides agree (a poll may be in flight), then asserted equal.
     */
    private static void assertSameBytesAsTheServer(ServerUnderTest server, Transport t, MemberFleet fleet,
            ChatLoad load) throws Exception {
        long clients = 0;
        long serverBytes = -1;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); System.nanoTime() < deadline
                && clients != serverBytes; ) {
            ServerSnapshot now = server.admin().metrics(t, false);
            serverBytes = now.bytesRead() + now.bytesWritten();
            clients = fleet.read().wire().total() + load.publisherMeters().wire().snapshot().total();
            Thread.sleep(20);
        }
        assertEquals(serverBytes, clients, t.id());
    }
}
