package org.pushbench.launcher.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.QueryStringDecoder;

import org.pushbench.protocol.ChatError;
import org.pushbench.server.Transport;

/**
 * The classroom demo's part of the admin port, as plain answers ({@link DemoResponse}):
 * {@code GET /} (the page), {@code GET /demo/demo.js|demo.css|index.html}, {@code GET /demo/config},
 * and the background crowd: {@code GET|POST|DELETE /demo/crowd}. See docs/DEMO.md.
 */
final class DemoRoutes {

    /** The room the page and the crowd chat in. */
    static final String ROOM = "classroom";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoAssets assets = new DemoAssets();
    private final DemoCrowd crowd;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final LongSupplier roomCursor;
    private final long maxWaitMillis;

    /**
     * @param roomCursor    the demo room's newest id, so the page starts from now
     * @param maxWaitMillis the long-polling server's longest hold
     */
    DemoRoutes(DemoCrowd crowd, Map<Transport, Integer> ports, LongSupplier roomCursor, long maxWaitMillis) {
        this.crowd = crowd;
        ports.forEach((t, port) -> this.ports.put(t.id(), port));
        this.roomCursor = roomCursor;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** Whether a request path is the demo's (every other path stays the admin server's). */
    static boolean isDemoPath(String uri) {
        String path = new QueryStringDecoder(uri).path();
        return path.equals("/") || path.startsWith("/demo/");
    }

    /** The answer to a request whose path {@link #isDemoPath is the demo's}. */
    DemoResponse handle(String method, String uri) {
        QueryStringDecoder decoder = new QueryStringDecoder(uri);
        String path = decoder.path();
        try {
            if (path.equals("/demo/crowd")) {
                return crowd(method, decoder.parameters());
            }
            requireMethod(method, "GET");
            if (path.equals("/") || path.equals("/demo/")) {
                return assets.file("index.html");
            }
            if (path.equals("/demo/config")) {
                return json(Map.of("room", ROOM, "lastId", roomCursor.getAsLong(), "ports", ports,
                        "maxWaitMillis", maxWaitMillis,
                        "maxCrowdPerTransport", DemoCrowd.MAX_CLIENTS_PER_TRANSPORT));
            }
            DemoResponse file = assets.file(path.substring("/demo/".length()));
            if (file == null) {
                throw ChatError.notFound(path);
            }
            return file;
        } catch (ChatError e) {
            return DemoResponse.error(e, e.status() == 405 ? allowed(path) : null);
        }
    }

    private DemoResponse crowd(String method, Map<String, List<String>> query) {
        switch (method) {
            case "GET":
                return json(crowd.status());
            case "DELETE":
                crowd.stop();
                return DemoResponse.noContent();
            case "POST":
                crowd.start(clients(query.get("clients")));
                return json(crowd.status());
            default:
                throw ChatError.methodNotAllowed(method, allowed("/demo/crowd"));
        }
    }

    private static int clients(List<String> values) {
        if (values == null || values.size() != 1) {
            throw ChatError.badRequest("give the crowd size once: /demo/crowd?clients=N");
        }
        try {
            int n = Integer.parseInt(values.get(0));
            if (n >= 0 && n <= DemoCrowd.MAX_CLIENTS_PER_TRANSPORT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw ChatError.badRequest("\"clients\" must be an integer from 0 to " + DemoCrowd.MAX_CLIENTS_PER_TRANSPORT
                + ", not \"" + values.get(0) + "\"");
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw ChatError.methodNotAllowed(method, allowed);
        }
    }

    private static String allowed(String path) {
        return path.equals("/demo/crowd") ? "GET, POST, DELETE" : "GET";
    }

    private static DemoResponse json(Object value) {
        try {
            return DemoResponse.json(200, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}
