package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * report.html of a compared run, opened from disk in headless Chromium (Debian's, driven without Selenium
 * Manager: nothing is downloaded): it shows every figure the manifest lists and every table of both runs'
 * summary.md, and the browser's own network log shows no request but the file itself and data: URIs.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReportPageTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void theReportShowsEveryFigureAndTableAndLoadsNothingFromAnywhere() throws Exception {
        PlotScript plot = PlotScript.find();
        Path run = PlotScript.copy(PlotScript.SAMPLE, dir.resolve("sample"));
        Path reference = PlotScript.copy(PlotScript.REFERENCE, dir.resolve("reference"));
        JsonNode manifest = plot.plot(run, "--compare", reference.toString());
        int figures = 0;
        for (JsonNode f : manifest.get("figures")) {
            figures += f.get("skipped").asBoolean() ? 0 : 1;
        }
        int tables = tables(run) + tables(reference);

        ChromeDriver browser = start(dir.resolve("chromium"));
        try {
            String url = run.resolve("report.html").toUri().toString();
            browser.manage().logs().get(LogType.PERFORMANCE); // drains what the browser did before the page
            browser.get(url);
            assertEquals(figures, number(browser.executeScript(
                    "return document.querySelectorAll('figure img').length")), "an image per figure");
            assertEquals(figures, number(browser.executeScript("return [...document.querySelectorAll('figure img')]"
                    + ".filter(i => i.complete && i.naturalWidth === 1280 && i.naturalHeight === 720).length")),
                    "every figure decoded at 1280 x 720");
            assertEquals(tables, number(browser.executeScript("return document.querySelectorAll('table').length")),
                    "every table of both summaries");
            assertTrue(number(browser.executeScript("return document.querySelectorAll('td').length")) > 100,
                    "the tables have their cells");
            assertEquals(2, number(browser.executeScript("return document.querySelectorAll('section.run pre')"
                    + ".length")), "both runs' environments");
            String text = (String) browser.executeScript("return document.body.innerText");
            assertTrue(text.contains("reference has no FanOut point at this load"), "the comparison's notes");

            Map<String, String> requested = requestedUrls(browser);
            assertTrue(requested.containsKey(url), "the network log saw the page itself: " + requested);
            requested.forEach((u, document) -> {
                assertFalse(u.matches("(?i)(https?|wss?|ftp):.*"), "no request leaves the machine: " + u);
                if (document.equals(url)) {
                    assertTrue(u.startsWith("file:") || u.startsWith("data:"), "the page loads only itself: " + u);
                }
            });
            List<String> errors = new ArrayList<>();
            for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
                errors.add(e.getMessage());
            }
            assertTrue(errors.isEmpty(), "no console errors (a blocked load would be one): " + errors);
        } finally {
            browser.quit();
        }
    }

    /** Every URL the browser requested, with the document that asked for it. */
    private static Map<String, String> requestedUrls(ChromeDriver browser) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> urls = new LinkedHashMap<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json.readTree(e.getMessage()).get("message");
            if (message.get("method").asText().equals("Network.requestWillBeSent")) {
                JsonNode params = message.get("params");
                urls.put(params.get("request").get("url").asText(), params.path("documentURL").asText());
            }
        }
        assertFalse(urls.isEmpty(), "the performance log recorded requests");
        return urls;
    }

    /** Markdown tables in a run's summary.md: one header separator line each. */
    private static int tables(Path run) throws IOException {
        return (int) Files.readAllLines(run.resolve("summary.md")).stream()
                .filter(l -> l.matches("\\|\\s*:?-{3}.*")).count();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static ChromeDriver start(Path profile) throws IOException {
        for (File binary : new File[] {CHROMIUM, CHROMEDRIVER}) {
            if (!binary.canExecute()) {
                String why = binary + " is missing: the report test opens report.html in headless Chromium."
                        + " Install it with: apt-get update && apt-get install -y chromium chromium-driver";
                if (System.getenv("CI") != null) {
                    fail(why);
                }
                abort(why);
            }
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1400,900",
                        "--user-data-dir=" + Files.createDirectories(profile).toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL", LogType.BROWSER, "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
