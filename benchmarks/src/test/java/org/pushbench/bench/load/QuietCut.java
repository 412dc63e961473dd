package org.pushbench.bench.load;

import java.io.IOException;
import java.time.Duration;

import org.pushbench.bench.meter.WireMeter;

/**
 * A moment where nothing moves on a run's connections: the members' and the publisher's socket counts, read
 * before and after the server's, add up to what the server counted at its sockets (every byte sent has been
 * read), and none of them changed for {@link #CALM_MILLIS}. A capture marker sent then, while the clients' counts
 * still stand, splits the wire exactly where these counts stand.
 */
record QuietCut(long membersRead, long membersWritten, long publisherRead, long publisherWritten,
        long serverRead, long serverWritten) {

    /**
     * How long every count must stand still: a server may still be fanning a message out (to the publisher's own
     * WebSocket, last) when the members' counts already balance.
     */
    private static final long CALM_MILLIS = 100;

    /** Waits for such a moment; fails after {@code timeout}. */
    static QuietCut await(ChatLoad load, ServerUnderTest server, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            QuietCut before = take(load, server);
            if (before.balanced()) {
                Thread.sleep(CALM_MILLIS);
                if (before.equals(take(load, server))) {
                    return before;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the run never came to rest: " + take(load, server));
    }

    /** Whether the clients' counts still stand where this cut took them (read without a round trip). */
    boolean stillQuiet(ChatLoad load) {
        WireMeter.Snapshot members = load.recipients().wire().snapshot();
        WireMeter.Snapshot publisher = load.publisherMeters().wire().snapshot();
        return members.read() == membersRead && members.written() == membersWritten
                && publisher.read() == publisherRead && publisher.written() == publisherWritten;
    }

    long membersTotal() {
        return membersRead + membersWritten;
    }

    private boolean balanced() {
        return membersRead + publisherRead == serverWritten && membersWritten + publisherWritten == serverRead;
    }

    private static QuietCut take(ChatLoad load, ServerUnderTest server) throws IOException, InterruptedException {
        WireMeter.Snapshot members = load.recipients().wire().snapshot();
        WireMeter.Snapshot publisher = load.publisherMeters().wire().snapshot();
        ServerSnapshot s = server.admin().metrics(load.spec().transport(), false);
        WireMeter.Snapshot membersAfter = load.recipients().wire().snapshot();
        WireMeter.Snapshot publisherAfter = load.publisherMeters().wire().snapshot();
        boolean moved = members.read() != membersAfter.read() || members.written() != membersAfter.written()
                || publisher.read() != publisherAfter.read() || publisher.written() != publisherAfter.written();
        return new QuietCut(members.read(), members.written(), publisher.read(), publisher.written(),
                moved ? -1 : s.bytesRead(), moved ? -1 : s.bytesWritten());
    }
}
