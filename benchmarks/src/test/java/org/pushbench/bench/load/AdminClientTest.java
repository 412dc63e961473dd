package org.pushbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pushbench.bench.soak.ServerState;
import org.pushbench.server.Transport;

/** One snapshot of the server, every transport's figures in it, is one request to its admin port. */
class AdminClientTest {

    /** A server's /metrics in the shape docs/PROTOCOL.md gives, different figures per transport. */
    private static final String METRICS = """
            {"engine":"netty",
             "process":{"heapUsedBytes":5000,"liveThreads":12,"cpuTimeNanos":700},
             "store":{"subscribers":3},
             "transports":{
               "short-polling":{"openConnections":1,"heldRequests":0},
               "long-polling":{"openConnections":2,"heldRequests":2},
               "websocket":{"openConnections":3,"heldRequests":0}}}
            """;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer admin;

    @BeforeEach
    void start() throws Exception {
        admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        admin.createContext("/metrics", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = METRICS.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        admin.start();
    }

    @AfterEach
    void stop() {
        admin.stop(0);
    }

    @Test
    void aReadingOfEveryTransportIsOneRequest() throws Exception {
        ServerReading reading = client().read(true);
        assertEquals(List.of("GET /metrics?gc=true"), requests);
        assertEquals(1, reading.of(Transport.SHORT_POLLING).openConnections());
        assertEquals(2, reading.of(Transport.LONG_POLLING).heldRequests());
        assertEquals(3, reading.of(Transport.WEBSOCKET).openConnections());
        for (Transport t : Transport.values()) {
            assertEquals(5000, reading.of(t).heapUsedBytes(), "the process's figures come with every transport");
            assertEquals(ServerSnapshot.ABSENT, reading.of(t).bytesRead(), "a field left out is absent, not 0");
        }
    }

    @Test
    void theSoaksStateOfEveryTransportIsOneRequest() throws Exception {
        ServerState state = ServerState.read(client(), false);
        assertEquals(List.of("GET /metrics"), requests);
        assertEquals(5000, state.heapUsedBytes());
        assertEquals(12, state.liveThreads());
        assertEquals(3, state.storeSubscribers());
        assertEquals(new ServerState.Held(2, 2), state.transports().get(Transport.LONG_POLLING));
        assertEquals(new ServerState.Held(3, 0), state.transports().get(Transport.WEBSOCKET));
    }

    private AdminClient client() {
        return new AdminClient(URI.create("http://127.0.0.1:" + admin.getAddress().getPort() + "/"));
    }
}
