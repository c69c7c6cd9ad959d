package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;
import org.socketlab.server.plugins.CaseDiscovery;

/** The case browser in headless Chromium, as a student uses it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CaseBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final PageDriver page = PageDriver.withCases(WAIT,
            () -> List.of(CaseDiscovery.describe(new ScriptInDescription(), "evil-plugin.jar")));

    @BeforeEach
    void openTheCatalogue() {
        page.browser().get(page.url("/"));
        page.waitFor().until(d -> !d.findElements(By.cssSelector("[data-testid=case-item]")).isEmpty());
    }

    private static List<WebElement> visibleCases() {
        return page.browser().findElements(By.cssSelector("[data-testid=case-item]")).stream()
                .filter(WebElement::isDisplayed).toList();
    }

    @Test
    void search_narrows_the_list_as_you_type() {
        int all = visibleCases().size();

        page.byTestId("search").sendKeys("scanner");

        page.waitFor().until(d -> visibleCases().size() < all);
        List<String> ids = visibleCases().stream().map(e -> e.getAttribute("data-case-id")).toList();
        assertTrue(ids.contains("port-scanner"), ids.toString());
        assertFalse(ids.contains("missing-message"), ids.toString());
    }

    @Test
    void running_missing_message_draws_the_conversation_and_passes() throws Exception {
        page.open("missing-message");

        String outcome = page.runAndWait();

        assertEquals("passed", outcome);
        WebElement diagram = page.byTestId("diagram");
        assertTrue(diagram.getText().contains("HELLO WORLD") || diagram.getAttribute("innerHTML").contains("HELLO WORLD"));
        assertFalse(page.browser().findElements(By.cssSelector("[data-testid=diagram-arrow]")).isEmpty());
        List<WebElement> checks = page.browser().findElements(By.cssSelector("[data-testid=check]"));
        assertFalse(checks.isEmpty());
        checks.forEach(check -> assertEquals("true", check.getAttribute("data-passed")));
        assertTrue(page.byTestId("output").getText().contains("Bob received: 'HELLO WORLD'"));
        page.screenshot("transcript.png");
    }

    @Test
    void switching_off_read_until_closed_shows_the_failed_check_with_expected_and_actual() throws Exception {
        page.open("missing-message");
        WebElement readUntilClosed = page.byTestId("param-readUntilClosed");
        if (readUntilClosed.isSelected()) {
            readUntilClosed.click();
        }

        String outcome = page.runAndWait();

        assertEquals("failed", outcome);
        WebElement failed = page.browser().findElement(By.cssSelector("[data-testid=check][data-passed=false]"));
        assertTrue(failed.findElement(By.cssSelector("[data-testid=check-expected]")).getText().contains("HELLO WORLD"));
        assertTrue(failed.findElement(By.cssSelector("[data-testid=check-actual]")).getText().contains("HELLO WO"));
        page.screenshot("failed-check.png");
    }

    @Test
    void a_value_the_server_refuses_marks_the_field_the_api_names() {
        page.open("missing-message");
        WebElement bufferSize = page.byTestId("param-bufferSize");
        bufferSize.clear();
        bufferSize.sendKeys("0");

        page.byTestId("run-button").click();

        WebElement message = page.byTestId("error-message");
        assertTrue(message.getText().contains("must be an integer from 1 to 65536, got 0"), message.getText());
        page.waitFor().until(d -> "true".equals(page.byTestId("param-bufferSize").getAttribute("aria-invalid")));
        assertNull(page.byTestId("param-message").getAttribute("aria-invalid"));
    }

    @Test
    void a_script_in_a_description_is_shown_as_text_and_never_runs() {
        page.open("script-in-description");

        WebElement description = page.byTestId("case-description");

        assertTrue(description.getText().contains("<script>"), description.getText());
        assertNull(page.browser().executeScript("return window.__injected === undefined ? null : window.__injected;"));
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
