package org.pushbench.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.pushbench.server.Transport;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DemoRoutesTest {

    private final DemoCrowd crowd = new DemoCrowd("127.0.0.1",
            Map.of(Transport.SHORT_POLLING, 1, Transport.LONG_POLLING, 2, Transport.WEBSOCKET, 3), "classroom", () -> 7);
    private final DemoRoutes routes = new DemoRoutes(crowd,
            Map.of(Transport.SHORT_POLLING, 8081, Transport.LONG_POLLING, 8082, Transport.WEBSOCKET, 8083), () -> 7, 120_000);

    @AfterEach
    void stopCrowd() {
        crowd.close();
    }

    private static String body(DemoResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesThePageAndItsFilesAndNothingElse() {
        assertTrue(DemoRoutes.isDemoPath("/"));
        assertTrue(DemoRoutes.isDemoPath("/demo/demo.js?v=1"));
        assertFalse(DemoRoutes.isDemoPath("/metrics"));
        DemoResponse page = routes.handle("GET", "/");
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertTrue(body(page).contains("/demo/demo.js"));
        assertEquals("text/javascript; charset=utf-8", routes.handle("GET", "/demo/demo.js").contentType());
        assertEquals("text/css; charset=utf-8", routes.handle("GET", "/demo/demo.css").contentType());
        assertEquals(404, routes.handle("GET", "/demo/../pom.xml").status());
        assertEquals(404, routes.handle("GET", "/demo/DemoRoutes.class").status());
        DemoResponse post = routes.handle("POST", "/");
        assertEquals(405, post.status());
        assertEquals("GET", post.allow());
    }

    @Test
    void configTellsThePageItsRoomCursorAndPorts() {
        String config = body(routes.handle("GET", "/demo/config"));
        assertTrue(config.contains("\"room\":\"classroom\""), config);
        assertTrue(config.contains("\"lastId\":7"), config);
        assertTrue(config.contains("\"short-polling\":8081"), config);
        assertTrue(config.contains("\"websocket\":8083"), config);
    }

    @Test
    void aBadCrowdSizeIsRefusedAndStartsNothing() {
        for (String query : new String[] {"", "?clients=", "?clients=-1", "?clients=2001", "?clients=many",
                "?clients=1&clients=2"}) {
            DemoResponse response = routes.handle("POST", "/demo/crowd" + query);
            assertEquals(400, response.status(), query);
            assertTrue(body(response).contains("\"error\":\"bad_request\""), query);
        }
        assertEquals(new CrowdStatus(0, Map.of("short-polling", 0, "long-polling", 0, "websocket", 0, "sse", 0)),
                crowd.status());
        DemoResponse put = routes.handle("PUT", "/demo/crowd?clients=1");
        assertEquals(405, put.status());
        assertEquals("GET, POST, DELETE", put.allow());
        assertEquals(204, routes.handle("DELETE", "/demo/crowd").status());
    }
}
