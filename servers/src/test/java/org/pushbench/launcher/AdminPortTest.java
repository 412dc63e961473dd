package org.pushbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pushbench.protocol.ChatJson;
import org.pushbench.server.Transport;

/** The admin port as the harness and the demo read it: health, and metrics that follow clients as they come and go. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AdminPortTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private ServerSet servers;

    @BeforeEach
    void start() throws Exception {
        servers = ServerSet.start(LauncherOptions.parse("--admin-port", "0", "--short-polling-port", "0",
                "--long-polling-port", "0", "--websocket-port", "0", "--sse-port", "0"));
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void healthNamesTheEngineAndTheBoundPorts() throws Exception {
        JsonNode health = get("/health");
        assertEquals("up", health.get("status").asText());
        assertEquals("netty", health.get("engine").asText());
        for (Transport t : Transport.values()) {
            assertEquals(servers.servers().get(t).port(), health.get("transports").get(t.id()).asInt());
        }
    }

    @Test
    void metricsFollowAHeldLongPollAndAnOpenWebSocket() throws Exception {
        int longPort = servers.servers().get(Transport.LONG_POLLING).port();
        CompletableFuture<HttpResponse<String>> poll = http.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + longPort + "/rooms/lobby/messages?after=0&wait=20000")).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitMetric("a held long poll", m -> m.get("transports").get("long-polling").get("heldRequests").asInt() == 1);

        int wsPort = servers.servers().get(Transport.WEBSOCKET).port();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + wsPort + "/rooms/lobby/ws"), new WebSocket.Listener() { })
                .get(5, TimeUnit.SECONDS);
        awaitMetric("an open WebSocket", m -> m.get("transports").get("websocket").get("openConnections").asInt() == 1
                && m.get("store").get("subscribers").asInt() == 2);

        int shortPort = servers.servers().get(Transport.SHORT_POLLING).port();
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shortPort + "/rooms/lobby/messages"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"curl\",\"text\":\"hi\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(poll.get(5, TimeUnit.SECONDS).body().contains("\"text\":\"hi\""));
        awaitMetric("the answered poll released", m -> m.get("transports").get("long-polling").get("heldRequests")
                .asInt() == 0 && m.get("transports").get("long-polling").get("peakHeldRequests").asInt() == 1);

        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        awaitMetric("the WebSocket closed", m -> m.get("transports").get("websocket").get("openConnections").asInt() == 0
                && m.get("store").get("subscribers").asInt() == 0);

        JsonNode before = get("/metrics?gc=true");
        assertEquals(1, before.get("transports").get("short-polling").get("messagesAppended").asInt());
        assertTrue(before.get("process").get("heapUsedBytes").asLong() > 0);
        assertTrue(before.get("process").get("liveThreads").asInt() > 0);
        assertEquals(204, http.send(HttpRequest.newBuilder(admin("/metrics/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        JsonNode after = get("/metrics");
        assertEquals(0, after.get("transports").get("short-polling").get("messagesAppended").asInt());
        assertEquals(0, after.get("transports").get("long-polling").get("peakHeldRequests").asInt());
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertEquals(404, http.send(HttpRequest.newBuilder(admin("/nope")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(405, http.send(HttpRequest.newBuilder(admin("/metrics/reset")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private URI admin(String path) {
        return URI.create("http://127.0.0.1:" + servers.adminPort() + path);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(admin(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return ChatJson.mapper().readTree(r.body());
    }

    private void awaitMetric(String what, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode m = get("/metrics");
        while (!condition.test(m)) {
            assertTrue(System.nanoTime() < deadline, "not within 5 s: " + what + " in " + m);
            Thread.sleep(10);
            m = get("/metrics");
        }
    }
}
