package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
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

/** The case page shows the handout's programs and, for a selected event, the line that made it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProgramViewBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path profile;
    private static SocketLabServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(profile);
        server = SocketLabServer.start(ServerConfig.defaults().withPort(0), CaseRegistry.ofBuiltIns(), AccessLog.none());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    // Pages replace each other a moment after the URL changes (their code loads when first opened):
    // an element found before may be gone when it is looked at.
    private static WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static WebElement byTestId(String id) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=" + id + "]")));
    }

    private static void open(String path) {
        browser.get("http://127.0.0.1:" + server.port() + "/#/cases/" + path);
        waitFor().until(d -> d.findElement(By.cssSelector("[data-testid=case-title]")).isDisplayed());
    }

    private static String runAndWait() {
        byTestId("run-button").click();
        return waitFor().until(d -> {
            var outcome = d.findElements(By.cssSelector("[data-testid=outcome][data-outcome]"));
            String value = outcome.isEmpty() ? "" : outcome.get(0).getAttribute("data-outcome");
            return value == null || value.isBlank() ? null : value;
        });
    }

    private static void screenshot(String name) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void the_programs_are_shown_before_a_run_with_the_handouts_code() {
        open("missing-message");

        WebElement programs = byTestId("programs");
        List<String> tabs = programs.findElements(By.cssSelector("[role=tab]")).stream().map(WebElement::getText).toList();
        assertTrue(tabs.contains("Bob · server.py") && tabs.contains("Alice · client.py"), tabs.toString());
        assertEquals(1, programs.findElements(By.cssSelector("[data-testid=program-reconstructed]")).stream()
                .filter(WebElement::isDisplayed).count(), "the fixed server is the lab's, and says so");
    }

    @Test
    void after_a_run_the_programs_open_on_the_one_that_ran() {
        open("missing-message?readUntilClosed=false");
        assertEquals("failed", runAndWait());

        String selected = waitFor().until(d -> {
            var tabs = d.findElements(By.cssSelector("[data-testid=programs] [role=tab][aria-selected=true]"));
            return tabs.isEmpty() ? null : tabs.get(0).getText();
        });
        assertEquals("Bob · server.py", selected, "the bug run ran the handout's server, not the fixed one");
    }

    @Test
    void selecting_bobs_recv_highlights_the_line_that_called_recv_8() throws Exception {
        open("missing-message?readUntilClosed=false");

        assertEquals("failed", runAndWait());
        WebElement recv = byTestId("diagram").findElements(By.cssSelector("[data-testid=diagram-event][data-kind=recv]"))
                .get(0);
        recv.click();

        WebElement current = waitFor().until(d -> {
            var lines = d.findElements(By.cssSelector("[data-testid=programs] .program-line.current"));
            return lines.isEmpty() || !lines.get(0).isDisplayed() ? null : lines.get(0);
        });
        assertTrue(current.getText().contains("client_socket.recv(8)"), current.getText());
        assertEquals("server.py", current.findElement(By.xpath("ancestor::*[@data-file]")).getAttribute("data-file"));
        screenshot("program-view-recv.png");
    }

    @Test
    void curl_detectives_bug_run_shows_the_reset_at_the_programs_close_line() throws Exception {
        open("curl-detective?readWholeRequest=false");

        assertEquals("failed", runAndWait());
        List<WebElement> closes = byTestId("diagram").findElements(
                By.cssSelector("[data-testid=diagram-event][data-kind=close]")).stream()
                .filter(e -> e.getAttribute("aria-label").contains("Server")).toList();
        // The connections close in order; the third, the 5000-byte POST left unread, is the reset.
        closes.get(2).click();
        assertTrue(byTestId("event-detail").getText().contains("reset (RST)"), byTestId("event-detail").getText());

        WebElement current = waitFor().until(d -> {
            var lines = d.findElements(By.cssSelector("[data-testid=programs] .program-line.current"));
            return lines.isEmpty() || !lines.get(0).isDisplayed() ? null : lines.get(0);
        });
        assertTrue(current.getText().contains("conn.close()"), current.getText());
        assertEquals("Server_one_recv.py", current.findElement(By.xpath("ancestor::*[@data-file]")).getAttribute("data-file"));
        assertTrue(byTestId("output").getText().contains("curl: (56) Recv failure: Connection reset by peer"));
        screenshot("program-view-curl-reset.png");
    }
}
