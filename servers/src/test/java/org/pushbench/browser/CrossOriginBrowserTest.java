package org.pushbench.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.store.InMemoryMessageStore;

/**
 * The Origin rule as a real browser meets it: headless Chromium opens a page on another origin (another port),
 * one the chat servers allow and one they do not, and posts with the page's own {@code fetch()} — a simple
 * {@code text/plain} POST, a JSON POST that needs a CORS preflight, and a {@code no-cors} POST whose answer the
 * page never needs to read. The store says what got through.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CrossOriginBrowserTest {

    private static final List<Transport> HTTP_TRANSPORTS = List.of(Transport.SHORT_POLLING, Transport.LONG_POLLING);

    /** Posts with the page's fetch and reports the status, or the name of the error fetch failed with. */
    private static final String POST = """
            const [url, contentType, mode, done] = arguments;
            fetch(url, {method: 'POST', mode: mode, headers: {'Content-Type': contentType},
                        body: JSON.stringify({from: 'page', text: 'hi', stamp: 1})})
                .then(r => done(mode === 'no-cors' ? 'sent' : String(r.status)), e => done(e.name));
            """;

    private static HttpServer allowedPage;
    private static HttpServer refusedPage;
    private static ChromeDriver browser;
    private static InMemoryMessageStore store;
    private static ServerFactory netty;
    private static ServerFactory jetty;
    private static int rooms;

    @BeforeAll
    static void start(@TempDir Path profile) throws Exception {
        browser = HeadlessChromium.start(profile.resolve("chromium"));
        allowedPage = page();
        refusedPage = page();
        store = new InMemoryMessageStore(16, 64);
        netty = Engine.NETTY.newFactory();
        jetty = Engine.JETTY.newFactory();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        for (HttpServer page : new HttpServer[] {allowedPage, refusedPage}) {
            if (page != null) {
                page.stop(0);
            }
        }
        for (ServerFactory factory : new ServerFactory[] {netty, jetty}) {
            if (factory != null) {
                factory.close();
            }
        }
    }

    static Stream<Arguments> httpServers() {
        return Stream.of(Engine.NETTY, Engine.JETTY)
                .flatMap(e -> HTTP_TRANSPORTS.stream().map(t -> Arguments.of(e, t)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("httpServers")
    void onlyTheAllowedPagesPostsAreStored(Engine engine, Transport transport) throws Exception {
        ServerConfig config = ServerConfig.defaults().withAllowedOrigins(Set.of(origin(allowedPage)));
        try (ChatServer server = (engine == Engine.NETTY ? netty : jetty).create(transport, 0, store, config)) {
            String room = "browser-" + (++rooms);
            String url = "http://127.0.0.1:" + server.start() + "/rooms/" + room + "/messages";

            browser.get(origin(refusedPage) + "/");
            assertEquals("TypeError", post(url, "text/plain", "cors"), "the answer is not the page's to read");
            assertEquals("TypeError", post(url, "application/json", "cors"), "the preflight is refused");
            assertEquals("sent", post(url, "text/plain", "no-cors"));
            assertEquals(0, store.lastId(room), "no post of the refused page was stored");

            browser.get(origin(allowedPage) + "/");
            assertEquals("201", post(url, "text/plain", "cors"));
            assertEquals("201", post(url, "application/json", "cors"), "preflight answered, then posted");
            assertEquals(2, store.lastId(room));
        }
    }

    private static String post(String url, String contentType, String mode) {
        return String.valueOf(browser.executeAsyncScript(POST, url, contentType, mode));
    }

    /** A blank page on a port of its own, so its origin differs from the chat servers' and the other page's. */
    private static HttpServer page() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] html = "<!doctype html><title>another origin</title>".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String origin(HttpServer page) {
        return "http://127.0.0.1:" + page.getAddress().getPort();
    }
}
