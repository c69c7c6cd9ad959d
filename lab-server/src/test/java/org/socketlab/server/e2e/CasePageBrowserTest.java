package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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

/**
 * The case page as a student uses it at 1280 px and on a 375 px phone: the detail of a selected event
 * where it can be seen, the narrow layout, and the keyboard on the parameter form and the catalogue.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CasePageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

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

    @AfterEach
    void wide_again() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** A phone: 375 CSS px wide, as Chromium's device emulation draws it. */
    static void phone(ChromeDriver browser) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    }

    private static WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static WebElement byTestId(String id) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=" + id + "]")));
    }

    private static void open(String caseAndQuery) {
        browser.get("about:blank");
        browser.get("http://127.0.0.1:" + server.port() + "/#/cases/" + caseAndQuery);
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

    private static Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static void screenshot(String name) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Whether the element's top part is inside the viewport (at least 40 px of it, or all of it). */
    private static boolean inViewport(WebElement element) {
        return (Boolean) js("const r = arguments[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.top < innerHeight - Math.min(40, r.height) && r.bottom > 0;", element);
    }

    @Test
    void at_1280_px_the_detail_of_a_selected_arrow_is_beside_it_and_nothing_scrolls() throws Exception {
        open("missing-message?readUntilClosed=false");
        assertEquals("failed", runAndWait());
        WebElement arrow = byTestId("diagram-arrow");
        js("arguments[0].scrollIntoView({block: 'center'})", arrow);
        double scrolled = number(js("return scrollY"));

        arrow.click();

        WebElement detail = byTestId("event-detail");
        assertTrue(inViewport(detail), "the detail panel is in view");
        assertEquals(scrolled, number(js("return scrollY")), 1.0, "selecting scrolled the page");
        double detailLeft = detail.getRect().getX();
        double diagramRight = byTestId("diagram").getRect().getX() + byTestId("diagram").getRect().getWidth();
        assertTrue(detailLeft >= diagramRight, "the panel is beside the diagram: " + detailLeft + " vs " + diagramRight);
        assertTrue(detail.getText().contains("8 read, 3 never read"), detail.getText());
        String note = byTestId("note").getText();
        assertTrue(note.contains("of the 11 bytes") && !note.contains("…"), "the lab's note is shown whole: " + note);
        assertFalse((Boolean) js("const d = arguments[0]; return d.scrollWidth > d.clientWidth", byTestId("diagram")),
                "no needless horizontal scrollbar under the diagram");
        screenshot("page-1280-missing-message-detail.png");
    }

    @Test
    void at_375_px_the_detail_of_a_selected_event_opens_in_view() throws Exception {
        phone(browser);
        open("missing-message?readUntilClosed=false");
        assertEquals("failed", runAndWait());
        WebElement event = byTestId("list-event");
        js("arguments[0].scrollIntoView({block: 'center'})", event);
        double scrolled = number(js("return scrollY"));

        browser.findElements(By.cssSelector("[data-testid=list-event][data-kind=send]")).get(0).click();

        WebElement detail = byTestId("event-detail");
        assertTrue(inViewport(detail), "the detail sheet is in view");
        assertEquals(scrolled, number(js("return scrollY")), 1.0, "selecting scrolled the page");
        assertTrue(detail.getText().contains("HELLO WO"), detail.getText());
        screenshot("page-375-missing-message-detail.png");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitFor().until(ExpectedConditions.invisibilityOf(detail));
    }

    @Test
    void at_375_px_the_page_does_not_scroll_sideways_and_puts_run_and_the_verdict_first() throws Exception {
        phone(browser);
        for (String run : List.of("missing-message?readUntilClosed=false", "large-file-get", "port-scanner?ports=1-1024")) {
            open(run);
            WebElement button = byTestId("run-button");
            assertTrue((Boolean) js("return arguments[0].getBoundingClientRect().bottom <= innerHeight", button),
                    run + ": Run is on the first screen");
            runAndWait();
            byTestId("event-list");

            assertTrue(number(js("return document.documentElement.scrollWidth")) <= 375, run + ": no horizontal page overflow");
            assertTrue(browser.findElements(By.cssSelector("[data-testid=diagram]")).isEmpty(), run + ": a list, not lanes");
            double checks = number(js("return document.querySelector('.checks').getBoundingClientRect().top"));
            double events = number(js("return document.querySelector('[data-testid=event-list]').getBoundingClientRect().top"));
            assertTrue(checks < events, run + ": the checks come before the events");
            screenshot("page-375-" + run.split("\\?")[0] + ".png");
        }
    }

    @Test
    void enter_and_space_flip_a_switch_and_do_not_run_the_case() {
        open("missing-message");
        WebElement toggle = byTestId("param-readUntilClosed");
        boolean before = toggle.isSelected();

        toggle.sendKeys(Keys.ENTER);
        waitFor().until(d -> toggle.isSelected() != before);
        assertTrue(browser.getCurrentUrl().contains("readUntilClosed=" + !before), browser.getCurrentUrl());
        toggle.sendKeys(Keys.SPACE);
        waitFor().until(d -> toggle.isSelected() == before);

        assertTrue(browser.findElements(By.cssSelector("[data-testid=outcome]")).isEmpty(), "the form was not submitted");
    }

    @Test
    void the_tags_are_one_tab_stop_and_back_returns_focus_to_the_case() {
        browser.get("about:blank");
        browser.get("http://127.0.0.1:" + server.port() + "/#/");
        WebElement search = byTestId("search");
        search.click();
        int tabs = 0;
        while (tabs < 10 && !"case-item".equals(browser.switchTo().activeElement().getAttribute("data-testid"))) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            tabs++;
        }
        assertTrue(tabs <= 3, "tabs from the search box to the first case: " + tabs);

        String id = browser.switchTo().activeElement().getAttribute("data-case-id");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        byTestId("run-button");
        browser.findElement(By.linkText("← All cases")).click();

        waitFor().until(d -> id.equals(d.switchTo().activeElement().getAttribute("data-case-id")));
    }
}
