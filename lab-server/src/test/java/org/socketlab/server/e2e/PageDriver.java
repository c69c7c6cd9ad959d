package org.socketlab.server.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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
 * The browser tests' fixture: a Socket Lab server and a headless Chromium looking at it, started before a
 * test class's tests and stopped after them ({@code @RegisterExtension static final PageDriver page = ...}),
 * and the steps every page test takes (open a case, run it and wait for the outcome, find an element,
 * take a screenshot).
 */
final class PageDriver implements BeforeAllCallback, AfterAllCallback {
    /** Starts the server a test class looks at. */
    interface ServerStart {
        SocketLabServer start() throws Exception;
    }

    private final Duration wait;
    private final ServerStart serverStart;
    private Path profile;
    private ChromeDriver browser;
    private SocketLabServer server;

    private PageDriver(Duration wait, ServerStart serverStart) {
        this.wait = wait;
        this.serverStart = serverStart;
    }

    /** @param wait how long a wait for the page may take before the test fails */
    static PageDriver of(Duration wait, ServerStart serverStart) {
        return new PageDriver(wait, serverStart);
    }

    /** The built-in cases on an ephemeral port, without an access log. */
    static PageDriver builtIns(Duration wait) {
        return of(wait, () -> SocketLabServer.start(ServerConfig.defaults().withPort(0), CaseRegistry.ofBuiltIns(),
                AccessLog.none()));
    }

    /** The built-in cases and {@code extra} (made when the server starts) on an ephemeral port, without an access log. */
    static PageDriver withCases(Duration wait, Supplier<List<RegisteredCase>> extra) {
        return of(wait, () -> SocketLabServer.start(ServerConfig.defaults().withPort(0), builtInsAnd(extra.get()),
                AccessLog.none()));
    }

    static CaseRegistry builtInsAnd(List<RegisteredCase> extra) {
        List<RegisteredCase> cases = new ArrayList<>(CaseRegistry.ofBuiltIns().catalogue().cases());
        cases.addAll(extra);
        return new CaseRegistry(cases);
    }

    /** Starts the browser (which skips or fails the tests without Chromium), then the server. */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        profile = Files.createTempDirectory("socketlab-browser");
        browser = Browser.start(profile);
        server = serverStart.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (profile != null) {
                deleteProfile();
            }
        }
    }

    // Chromium may still be letting go of its profile: what cannot be deleted now is left to the OS.
    private void deleteProfile() throws IOException {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
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
}
