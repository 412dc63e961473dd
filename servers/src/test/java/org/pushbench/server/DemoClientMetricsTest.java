package org.pushbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DemoClientMetricsTest {

    private final DemoClientMetrics metrics = new DemoClientMetrics();

    @Test
    void clientIdComesFromTheClientParameterOnly() {
        assertEquals("demo-ab1-websocket", DemoClientMetrics.clientIdOf("/rooms/r/ws?after=3&client=demo-ab1-websocket"));
        assertNull(DemoClientMetrics.clientIdOf("/rooms/r/messages?after=3"));
        assertNull(DemoClientMetrics.clientIdOf("/rooms/r/messages?client=a&client=b"));
        assertNull(DemoClientMetrics.clientIdOf("/rooms/r/messages?client=%3Cscript%3E"));
        assertNull(DemoClientMetrics.clientIdOf("/rooms/r/messages?client=" + "x".repeat(41)));
    }

    @Test
    void bytesBeforeTheIdIsKnownGoToTheFirstClientNamed() {
        DemoConnection connection = metrics.newConnection();
        connection.bytesRead(120);
        connection.request("/rooms/r/messages?after=0&client=alice");
        connection.bytesWritten(80);
        connection.emptyResponse();
        connection.bytesRead(100);
        connection.request("/rooms/r/messages?after=0");
        connection.bytesWritten(70);

        var alice = metrics.snapshot().get("alice");
        assertEquals(new DemoClientMetrics.Snapshot(220, 150, 2, 1, 1), alice);
        connection.closed();
        connection.closed();
        assertEquals(0, metrics.snapshot().get("alice").openConnections());
    }

    @Test
    void untaggedConnectionsAreNotTracked() {
        DemoConnection connection = metrics.newConnection();
        connection.bytesRead(10);
        connection.request("/rooms/r/messages");
        connection.emptyResponse();
        connection.closed();
        assertTrue(metrics.snapshot().isEmpty());
    }

    @Test
    void aConnectionMovesToTheLatestClientNamed() {
        DemoConnection connection = metrics.newConnection();
        connection.request("/rooms/r/messages?client=old");
        connection.bytesRead(5);
        connection.request("/rooms/r/messages?client=new");
        connection.bytesRead(7);
        assertEquals(new DemoClientMetrics.Snapshot(5, 0, 1, 0, 0), metrics.snapshot().get("old"));
        assertEquals(new DemoClientMetrics.Snapshot(7, 0, 1, 0, 1), metrics.snapshot().get("new"));
    }

    @Test
    void atMostSixtyFourIdsAreKeptTheOldestEvictedFirst() {
        for (int i = 0; i < 1000; i++) {
            metrics.newConnection().request("/rooms/r/messages?client=c" + i);
        }
        var snapshot = metrics.snapshot();
        assertEquals(DemoClientMetrics.MAX_CLIENTS, snapshot.size());
        assertFalse(snapshot.containsKey("c935"));
        assertTrue(snapshot.containsKey("c936"));
        assertTrue(snapshot.containsKey("c999"));
    }

    @Test
    void resetZeroesCountersButKeepsOpenConnections() {
        DemoConnection connection = metrics.newConnection();
        connection.request("/rooms/r/ws?client=ws1");
        connection.bytesRead(300);
        connection.bytesWritten(129);
        metrics.reset();
        assertEquals(new DemoClientMetrics.Snapshot(0, 0, 0, 0, 1), metrics.snapshot().get("ws1"));
    }
}
