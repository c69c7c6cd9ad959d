package org.socketlab.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.RegisteredCase;

/**
 * The browser tests' fixture: a Socket Lab server and a headless Chromium looking at it, and the steps
 * every page test takes (open a case, run it and wait for the outcome, find an element, take a screenshot).
 */
final class PageDriver implements AutoCloseable {
    private final ChromeDriver browser;
    private final SocketLabServer server;
    private final Duration wait;

    private PageDriver(ChromeDriver browser, SocketLabServer server, Duration wait) {
        this.browser = browser;
        this.server = server;
        this.wait = wait;
    }

    /** Starts the browser (which skips or fails the test without Chromium), then the server. */
    static PageDriver start(Path profile, Duration wait, ServerConfig config, CaseRegistry cases, AccessLog log)
            throws Exception {
        ChromeDriver browser = Browser.start(profile);
        try {
            return new PageDriver(browser, SocketLabServer.start(config, cases, log), wait);
        } catch (Exception | Error e) {
            browser.quit();
            throw e;
        }
    }

    /** The built-in cases on an ephemeral port, without an access log. */
    static PageDriver start(Path profile, Duration wait) throws Exception {
        return start(profile, wait, ServerConfig.defaults().withPort(0), CaseRegistry.ofBuiltIns(), AccessLog.none());
    }

    /** The built-in cases and {@code extra} on an ephemeral port, without an access log. */
    static PageDriver start(Path profile, Duration wait, List<RegisteredCase> extra) throws Exception {
        List<RegisteredCase> cases = new ArrayList<>(CaseRegistry.ofBuiltIns().catalogue().cases());
        cases.addAll(extra);
        return start(profile, wait, ServerConfig.defaults().withPort(0), new CaseRegistry(cases), AccessLog.none());
    }

    ChromeDriver browser() {
        return browser;
    }

    int port() {
        return server.port();
    }

    /** The page's address for {@code pathAndHash} ("/", "/#/cases/x"). */
    String url(String pathAndHash) {
        return "http://127.0.0.1:" + server.port() + pathAndHash;
    }

    // Pages replace each other a moment after the URL changes (their code loads when first opened):
    // an element found before may be gone when it is looked at.
    WebDriverWait waitFor() {
        WebDriverWait until = new WebDriverWait(browser, wait);
        until.ignoring(StaleElementReferenceException.class);
        return until;
    }

    WebElement byTestId(String id) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=" + id + "]")));
    }

    /** Opens a case page ("missing-message", "port-scanner?ports=1-1024") and waits for its title. */
    void open(String caseAndQuery) {
        browser.get(url("/#/cases/" + caseAndQuery));
        waitFor().until(d -> d.findElement(By.cssSelector("[data-testid=case-title]")).isDisplayed());
    }

    /**
     * Opens a case page from a blank one: a result left on the page by the previous test must not pass
     * for this one's.
     */
    void openFresh(String caseAndQuery) {
        browser.get("about:blank");
        open(caseAndQuery);
    }

    /** Presses Run and returns the outcome the page shows ("passed", "failed", ...) once it has one. */
    String runAndWait() {
        byTestId("run-button").click();
        return waitFor().until(d -> {
            var outcome = d.findElements(By.cssSelector("[data-testid=outcome][data-outcome]"));
            String value = outcome.isEmpty() ? "" : outcome.get(0).getAttribute("data-outcome");
            return value == null || value.isBlank() ? null : value;
        });
    }

    /** Saves the window as target/screenshots/{@code name}, for a person to look at. */
    void screenshot(String name) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The same with the diagram scrolled into view. */
    void screenshotOfDiagram(String name) throws Exception {
        browser.executeScript("arguments[0].scrollIntoView()", byTestId("diagram"));
        screenshot(name);
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            server.close();
        }
    }
}
