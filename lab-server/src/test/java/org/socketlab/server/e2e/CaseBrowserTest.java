package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.plugins.CaseDiscovery;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.RegisteredCase;

/** The case browser in headless Chromium, as a student uses it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CaseBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path profile;
    private static SocketLabServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(profile);
        List<RegisteredCase> cases = new ArrayList<>(CaseRegistry.ofBuiltIns().catalogue().cases());
        cases.add(CaseDiscovery.describe(new ScriptInDescription(), "evil-plugin.jar"));
        server = SocketLabServer.start(ServerConfig.defaults().withPort(0), new CaseRegistry(cases), AccessLog.none());
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

    @BeforeEach
    void openTheCatalogue() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        waitFor().until(d -> !d.findElements(By.cssSelector("[data-testid=case-item]")).isEmpty());
    }

    // A case page replaces the catalogue a moment after the URL changes (its code loads when first
    // opened): an element found on the page before may be gone when it is looked at.
    private static WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static List<WebElement> visibleCases() {
        return browser.findElements(By.cssSelector("[data-testid=case-item]")).stream()
                .filter(WebElement::isDisplayed).toList();
    }

    private static WebElement byTestId(String id) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=" + id + "]")));
    }

    private static void open(String caseId) {
        browser.get("http://127.0.0.1:" + server.port() + "/#/cases/" + caseId);
        waitFor().until(d -> d.findElement(By.cssSelector("[data-testid=case-title]")).isDisplayed());
    }

    private static WebElement runAndWait() {
        byTestId("run-button").click();
        return waitFor().until(d -> {
            var outcome = d.findElements(By.cssSelector("[data-testid=outcome][data-outcome]"));
            return outcome.isEmpty() || outcome.get(0).getAttribute("data-outcome").isBlank() ? null : outcome.get(0);
        });
    }

    @Test
    void search_narrows_the_list_as_you_type() {
        int all = visibleCases().size();

        byTestId("search").sendKeys("scanner");

        waitFor().until(d -> visibleCases().size() < all);
        List<String> ids = visibleCases().stream().map(e -> e.getAttribute("data-case-id")).toList();
        assertTrue(ids.contains("port-scanner"), ids.toString());
        assertFalse(ids.contains("missing-message"), ids.toString());
    }

    @Test
    void running_missing_message_draws_the_conversation_and_passes() throws Exception {
        open("missing-message");

        WebElement outcome = runAndWait();

        assertEquals("passed", outcome.getAttribute("data-outcome"));
        WebElement diagram = byTestId("diagram");
        assertTrue(diagram.getText().contains("HELLO WORLD") || diagram.getAttribute("innerHTML").contains("HELLO WORLD"));
        assertFalse(browser.findElements(By.cssSelector("[data-testid=diagram-arrow]")).isEmpty());
        List<WebElement> checks = browser.findElements(By.cssSelector("[data-testid=check]"));
        assertFalse(checks.isEmpty());
        checks.forEach(check -> assertEquals("true", check.getAttribute("data-passed")));
        assertTrue(byTestId("output").getText().contains("Bob received: 'HELLO WORLD'"));
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve("transcript.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void switching_off_read_until_closed_shows_the_failed_check_with_expected_and_actual() throws Exception {
        open("missing-message");
        WebElement readUntilClosed = byTestId("param-readUntilClosed");
        if (readUntilClosed.isSelected()) {
            readUntilClosed.click();
        }

        WebElement outcome = runAndWait();

        assertEquals("failed", outcome.getAttribute("data-outcome"));
        WebElement failed = browser.findElement(By.cssSelector("[data-testid=check][data-passed=false]"));
        assertTrue(failed.findElement(By.cssSelector("[data-testid=check-expected]")).getText().contains("HELLO WORLD"));
        assertTrue(failed.findElement(By.cssSelector("[data-testid=check-actual]")).getText().contains("HELLO WO"));
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve("failed-check.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void a_value_the_server_refuses_marks_the_field_the_api_names() {
        open("missing-message");
        WebElement bufferSize = byTestId("param-bufferSize");
        bufferSize.clear();
        bufferSize.sendKeys("0");

        byTestId("run-button").click();

        WebElement message = byTestId("error-message");
        assertTrue(message.getText().contains("must be an integer from 1 to 65536, got 0"), message.getText());
        waitFor().until(d -> "true".equals(byTestId("param-bufferSize").getAttribute("aria-invalid")));
        assertNull(byTestId("param-message").getAttribute("aria-invalid"));
    }

    @Test
    void a_script_in_a_description_is_shown_as_text_and_never_runs() {
        open("script-in-description");

        WebElement description = byTestId("case-description");

        assertTrue(description.getText().contains("<script>"), description.getText());
        assertNull(browser.executeScript("return window.__injected === undefined ? null : window.__injected;"));
        assertTrue(description.findElements(By.tagName("script")).isEmpty());
        assertTrue(description.findElements(By.cssSelector("img[onerror]")).isEmpty());
    }

    /** A plugin's description that tries to inject script into the page. */
    static final class ScriptInDescription implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("script-in-description").title("Script in description")
                    .summary("Its description tries to run script.").source("tests")
                    .description("Hello <script>window.__injected = 1</script> and "
                            + "<img src=x onerror=\"window.__injected = 2\"> and [a link](javascript:window.__injected=3)")
                    .build();
        }

        @Override
        public void run(RunContext context) {
            context.actor("Nobody").print("nothing to see");
        }
    }
}
