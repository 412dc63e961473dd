package org.pushbench.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.pushbench.protocol.ChatJson;
import org.pushbench.server.Transport;

/**
 * Reads a chat server's admin port (docs/PROTOCOL.md): health, metrics and reset. The admin port is apart from
 * the measured ports, so reading it adds no bytes to what the clients measure.
 */
public final class AdminClient implements ServerProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param base e.g. {@code http://127.0.0.1:8080/} */
    public AdminClient(URI base) {
        this.base = base;
    }

    /** The engine and the port of each transport, from {@code /health}. */
    public Health health() throws IOException, InterruptedException {
        JsonNode json = get("health");
        Map<Transport, Integer> ports = new EnumMap<>(Transport.class);
        json.path("transports").fields().forEachRemaining(e -> ports.put(Transport.parse(e.getKey()),
                e.getValue().asInt()));
        return new Health(json.path("engine").asText(), ports);
    }

    /** Every transport's figures from one {@code GET /metrics}; with {@code gcFirst}, after a full collection. */
    @Override
    public ServerReading read(boolean gcFirst) throws IOException, InterruptedException {
        JsonNode metrics = get(gcFirst ? "metrics?gc=true" : "metrics");
        return ServerReading.each(t -> ServerSnapshot.of(metrics, t));
    }

    /** Zeroes the counters and sets the peaks to the current values. */
    @Override
    public void reset() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("metrics/reset"))
                .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("POST /metrics/reset answered " + answer.statusCode());
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET /" + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return ChatJson.mapper().readTree(answer.body());
    }

    /** What {@code /health} says. */
    public record Health(String engine, Map<Transport, Integer> ports) {
    }
}
