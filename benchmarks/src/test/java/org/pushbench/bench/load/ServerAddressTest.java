package org.pushbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pushbench.server.Transport;

class ServerAddressTest {

    @Test
    void anAdminPortOrTransportPortsAndAPid() {
        ServerAddress admin = ServerAddress.parse("10.0.0.7:8080");
        assertTrue(admin.hasAdminPort());
        assertEquals("10.0.0.7", admin.host());
        assertEquals(8080, admin.adminPort());

        ServerAddress direct = ServerAddress.parse("127.0.0.1/websocket=8083/long-polling=8082/pid=4242");
        assertFalse(direct.hasAdminPort());
        assertEquals(Map.of(Transport.WEBSOCKET, 8083, Transport.LONG_POLLING, 8082), direct.ports());
        assertEquals(4242, direct.pid());
        assertEquals(-1, ServerAddress.parse("example.org/WEBSOCKET=443").pid());
    }

    @Test
    void whatItCannotReadIsRefusedWithTheForm() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("localhost"))
                .getMessage().contains("host/transport=port"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("localhost/pid=12"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("localhost/websocket"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("localhost/carrier-pigeon=1"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("localhost/websocket=x"));
    }
}
