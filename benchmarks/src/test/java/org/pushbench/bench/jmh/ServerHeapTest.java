package org.pushbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The server's heap: each benchmark's own size unless {@code -p serverHeap} says otherwise, and only a JVM size. */
class ServerHeapTest {

    @Test
    void capacityGrowsTheHeapWithItsClients() {
        Capacity capacity = new Capacity();
        capacity.clients = 1000;
        assertEquals("1024m", capacity.defaultServerHeap());
        capacity.clients = 8000;
        assertEquals("1256m", capacity.defaultServerHeap());
        capacity.clients = 18000;
        assertEquals("2506m", capacity.defaultServerHeap());
        assertEquals("1g", new FanOut().defaultServerHeap());
    }

    @Test
    void aHeapThatIsNotAJvmSizeIsRefusedBeforeAnythingStarts() {
        FanOut fanOut = new FanOut();
        fanOut.serverHeap = "lots";
        String reason = assertThrows(IllegalArgumentException.class, fanOut::startTrial).getMessage();
        assertTrue(reason.contains("serverHeap must be a JVM size"), reason);
    }
}
