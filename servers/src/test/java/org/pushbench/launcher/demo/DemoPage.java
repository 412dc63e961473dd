package org.pushbench.launcher.demo;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The classroom demo page as a test sees it: its three panes, their composers, messages and meters. */
final class DemoPage {

    static final List<String> PANES = List.of("short-polling", "long-polling", "websocket", "sse");

    private final WebDriver driver;

    DemoPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens the page and waits until its four panes run. */
    DemoPage open(String url) {
        driver.get(url);
        waitUntil(Duration.ofSeconds(15), () -> "true".equals(driver.findElement(By.tagName("body"))
                .getDomAttribute("data-ready")) && meter("websocket", "openConnections") == 1);
        return this;
    }

    void type(String pane, String text) {
        driver.findElement(By.cssSelector("#pane-" + pane + " .composer .text")).sendKeys(text, Keys.ENTER);
    }

    /** The texts shown in a pane, oldest first, as the browser renders them. */
    List<String> texts(String pane) {
        return driver.findElements(By.cssSelector("#pane-" + pane + " .messages .message .text")).stream()
                .map(WebElement::getText).toList();
    }

    /** A pane's meter as a number (thousands separators dropped). */
    long meter(String pane, String name) {
        String text = driver.findElement(By.cssSelector("#pane-" + pane + " [data-meter='" + name + "']")).getText();
        return Long.parseLong(text.replace(",", ""));
    }

    /** A pane's meter as shown, e.g. "12 ms". */
    String meterText(String pane, String name) {
        return driver.findElement(By.cssSelector("#pane-" + pane + " [data-meter='" + name + "']")).getText();
    }

    /** Waits until the meters show figures read from the server after this call. */
    void awaitFreshMeters() {
        long reads = Long.parseLong(String.valueOf(script("return document.body.dataset.meterReads || '0';")));
        waitUntil(Duration.ofSeconds(5), () -> Long.parseLong(String.valueOf(
                script("return document.body.dataset.meterReads;"))) >= reads + 2);
    }

    void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    /** Replaces what an input of the controls holds. */
    void fill(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    void setShortPollInterval(int millis) {
        ((JavascriptExecutor) driver).executeScript(
                "const s = document.getElementById('poll-interval'); s.value = arguments[0];"
                        + " s.dispatchEvent(new Event('input'));", millis);
    }

    Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    void waitUntil(Duration timeout, BooleanSupplier condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(d -> condition.getAsBoolean());
    }
}
