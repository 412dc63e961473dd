package org.pushbench.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, driven by Selenium without Selenium Manager (nothing is downloaded). CI
 * installs them (.ci/run), so there a missing binary fails the test; elsewhere the test is skipped with the
 * command that installs them.
 */
public final class HeadlessChromium {

    public static final File CHROMIUM = new File("/usr/bin/chromium");
    public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A new headless browser with a fresh profile; quit it when done. */
    public static ChromeDriver start(Path profile) throws IOException {
        for (File binary : new File[] {CHROMIUM, CHROMEDRIVER}) {
            if (!binary.canExecute()) {
                String why = binary + " is missing: the browser tests drive headless Chromium."
                        + " Install it with: apt-get update && apt-get install -y chromium chromium-driver";
                if (System.getenv("CI") != null) {
                    fail(why);
                }
                abort(why);
            }
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1500,1000",
                        "--user-data-dir=" + Files.createDirectories(profile).toAbsolutePath());
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
