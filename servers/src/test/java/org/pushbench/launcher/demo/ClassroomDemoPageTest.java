package org.pushbench.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pushbench.browser.HeadlessChromium;
import org.pushbench.launcher.LauncherOptions;
import org.pushbench.launcher.ServerSet;

/**
 * The classroom demo end to end: the real page, served by the real admin port, in headless Chromium, talking to
 * the three real servers with the browser's own fetch and WebSocket.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClassroomDemoPageTest {

    private static ServerSet servers;
    private static ChromeDriver browser;
    private static DemoPage page;

    @BeforeAll
    static void openThePage(@TempDir Path profile) throws Exception {
        browser = HeadlessChromium.start(profile.resolve("chromium"));
        // Pings an hour apart: a pong in the idle window would be WebSocket bytes the test says never flow.
        servers = ServerSet.start(LauncherOptions.parse("--classroom-demo", "--admin-port", "0", "--short-polling-port", "0",
                "--long-polling-port", "0", "--websocket-port", "0", "--sse-port", "0", "--ping-interval", "60m"));
        page = new DemoPage(browser).open("http://127.0.0.1:" + servers.adminPort() + "/");
    }

    @AfterAll
    static void close() throws Exception {
        try {
            if (browser != null) {
                Path shot = Path.of("target", "demo-screenshot.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
                browser.quit();
            }
        } finally {
            if (servers != null) {
                servers.close();
            }
        }
    }

    @Test
    void aMessageTypedInAnyPaneArrivesInAllFour() {
        for (String pane : DemoPage.PANES) {
            page.type(pane, "hello from " + pane);
        }
        page.waitUntil(Duration.ofSeconds(15), () -> DemoPage.PANES.stream().allMatch(shown ->
                DemoPage.PANES.stream().allMatch(sent -> page.texts(shown).contains("hello from " + sent))));
        for (String pane : DemoPage.PANES) {
            assertTrue(page.meterText(pane, "lastDelay").endsWith(" ms"), pane + " shows a delivery delay");
            assertTrue(page.meter(pane, "bytesIn") > 0 && page.meter(pane, "bytesOut") > 0,
                    pane + " shows the bytes the server counted for it");
        }
    }

    @Test
    void markupInAMessageIsShownAsTextAndNeverRuns() {
        String hostile = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> <b>bold?</b>";
        page.type("websocket", hostile);
        page.waitUntil(Duration.ofSeconds(15), () -> DemoPage.PANES.stream()
                .allMatch(pane -> page.texts(pane).contains(hostile)));
        assertNull(page.script("return window.pwned;"), "no script from a message ran");
        assertEquals(0L, page.script("return document.querySelectorAll('.messages script, .messages img,"
                + " .messages b').length;"), "a message added no elements");
    }

    @Test
    void whileNobodyTypesShortPollingKeepsAskingAndThePushPanesStayQuiet() {
        page.setShortPollInterval(200);
        page.awaitFreshMeters();
        long pollsBefore = page.meter("short-polling", "requests");
        long webSocketRequestsBefore = page.meter("websocket", "requests");
        long webSocketBytesBefore = page.meter("websocket", "bytesIn");
        long eventSourceBytesBefore = page.meter("sse", "bytesIn");
        page.waitUntil(Duration.ofSeconds(20), () -> page.meter("short-polling", "requests") >= pollsBefore + 10);
        assertTrue(page.meter("short-polling", "emptyResponses") >= 5, "idle polls come back empty");
        assertEquals(webSocketRequestsBefore, page.meter("websocket", "requests"),
                "the WebSocket pane made no request while idle");
        assertEquals(webSocketBytesBefore, page.meter("websocket", "bytesIn"),
                "the WebSocket pane sent nothing while idle");
        assertEquals(eventSourceBytesBefore, page.meter("sse", "bytesIn"),
                "the EventSource pane sent nothing while idle: one request, one response that never ends");
    }

    @Test
    void theCrowdButtonsConnectAndDisconnectSimulatedClientsOfEveryServer() {
        page.fill("crowd-size", "20");
        page.click("crowd-start");
        page.waitUntil(Duration.ofSeconds(15), () -> page.text("crowd-status").endsWith("connected: 20 / 20 / 20 / 20"));
        page.awaitFreshMeters();
        for (String pane : DemoPage.PANES) {
            assertTrue(page.meter(pane, "serverConnections") >= 20, pane + " counts the crowd's connections");
        }
        page.click("crowd-stop");
        page.waitUntil(Duration.ofSeconds(15), () -> page.meter("websocket", "serverConnections") == 1
                && page.text("crowd-status").equals("no crowd"));
    }

    @Test
    void resetZeroesThePanesCountersButNotTheirOpenConnections() {
        page.setShortPollInterval(5000);
        page.type("short-polling", "before the reset");
        page.waitUntil(Duration.ofSeconds(15), () -> page.texts("websocket").contains("before the reset"));
        page.click("reset");
        page.awaitFreshMeters();
        assertEquals(0, page.meter("websocket", "requests"));
        assertEquals(1, page.meter("websocket", "openConnections"));
        assertEquals("–", page.meterText("websocket", "lastDelay"));
        assertTrue(page.meter("short-polling", "requests") < 10, "short polling counts from zero again");
    }
}
