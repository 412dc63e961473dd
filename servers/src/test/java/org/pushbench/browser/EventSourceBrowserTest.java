package org.pushbench.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.store.InMemoryMessageStore;

/**
 * Server-Sent Events as a real browser's EventSource meets them: headless Chromium, on a page of another (allowed)
 * origin, opens the stream, gets the messages, and when the server goes away and comes back on the same port,
 * reconnects by itself after the stream's {@code retry} time with {@code Last-Event-ID}: it gets what was posted
 * meanwhile, then live messages, none lost and none twice, although it reconnects to the URL it first opened
 * ({@code after=0}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EventSourceBrowserTest {

    /** Opens an EventSource and keeps every message id it gets, and how often it (re)opened. */
    private static final String OPEN = """
            window.ids = []; window.opens = 0;
            const source = new EventSource(arguments[0]);
            source.onopen = () => { window.opens++; };
            source.onmessage = e => { window.ids.push(JSON.parse(e.data).id); };
            """;

    private static HttpServer page;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(@TempDir Path profile) throws Exception {
        browser = HeadlessChromium.start(profile.resolve("chromium"));
        page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] html = "<!doctype html><title>another origin</title>".getBytes(StandardCharsets.UTF_8);
        page.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        page.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (page != null) {
            page.stop(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eventSourceResumesAfterTheServerDropsTheStreamWithoutLossOrDuplicates(Engine engine) throws Exception {
        String origin = "http://127.0.0.1:" + page.getAddress().getPort();
        ServerConfig config = ServerConfig.defaults().withAllowedOrigins(Set.of(origin))
                .withEvents(Duration.ofMillis(300), Duration.ofSeconds(30));
        InMemoryMessageStore store = new InMemoryMessageStore(64, 16);
        String room = "browser-" + engine.id();
        try (ServerFactory factory = engine.newFactory()) {
            ChatServer first = factory.create(Transport.SSE, 0, store, config);
            int port = first.start();
            browser.get(origin + "/");
            browser.executeScript(OPEN, "http://127.0.0.1:" + port + "/rooms/" + room + "/events?after=0");
            awaitIds(List.of());
            store.append(room, "a", "one", 1L);
            store.append(room, "a", "two", 2L);
            awaitIds(List.of(1L, 2L));

            first.close();
            store.append(room, "a", "three, while the server is away", 3L);
            try (ChatServer again = factory.create(Transport.SSE, port, store, config)) {
                again.start();
                awaitIds(List.of(1L, 2L, 3L));
                store.append(room, "a", "four, live again", 4L);
                awaitIds(List.of(1L, 2L, 3L, 4L));
                assertEquals(2L, browser.executeScript("return window.opens;"), "one reconnection");
            }
        }
    }

    private static void awaitIds(List<Long> expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(50)).until(d -> expected.equals(
                    browser.executeScript("return window.ids;")) && (Long) browser.executeScript(
                            "return window.opens;") >= 1);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected ids " + expected + ", the page has "
                    + browser.executeScript("return window.ids;"), e);
        }
    }
}
