package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

/** Long runs stay readable: filters, collapsed runs of alike events, and following a whole stream. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LongRunBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

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

    private static WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static WebElement byTestId(String id) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=" + id + "]")));
    }

    private static void openAndRun(String caseAndQuery) {
        browser.get("about:blank");
        browser.get("http://127.0.0.1:" + server.port() + "/#/cases/" + caseAndQuery);
        byTestId("run-button").click();
        waitFor().until(d -> !d.findElements(By.cssSelector("[data-testid=outcome][data-outcome]")).isEmpty());
    }

    private static List<WebElement> drawn(String selector) {
        return byTestId("diagram").findElements(By.cssSelector(selector));
    }

    private static void screenshot(String name) throws Exception {
        browser.executeScript("arguments[0].scrollIntoView()", byTestId("diagram"));
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void a_scan_of_1024_closed_ports_is_one_row_that_opens_and_filters() throws Exception {
        openAndRun("port-scanner?ports=1-1024");

        List<WebElement> groups = drawn("[data-testid=diagram-group]");
        assertEquals(1, groups.size());
        assertEquals("1024", groups.get(0).getAttribute("data-count"));
        assertTrue(groups.get(0).getText().contains("ports 1–1,024"), groups.get(0).getText());
        assertTrue(byTestId("wire-count").getText().contains("1 row for 1,024 of 2,048 events"), byTestId("wire-count").getText());
        screenshot("page-1280-port-scan-collapsed.png");

        groups.get(0).click();
        waitFor().until(d -> drawn("[data-testid=diagram-group]").isEmpty());
        int rowsDrawn = drawn("[data-testid=diagram-event]").size();
        assertTrue(rowsDrawn > 10 && rowsDrawn < 200, "only the rows near the visible part are drawn: " + rowsDrawn);
        assertTrue(drawn("[data-testid=diagram-event]").get(0).getText().contains("127.0.0.1:1"), "each row keeps its port");

        browser.findElement(By.cssSelector("[data-testid=filter-kind][data-kind=output]")).click();
        waitFor().until(d -> byTestId("wire-count").getText().matches("(.* of )?2,048 events"));
        browser.findElement(By.cssSelector("[data-testid=filter-kind][data-kind=error]")).click();
        waitFor().until(d -> byTestId("wire-count").getText().contains("1 row for 1,024 of 2,048 events"));
        assertEquals("output", drawn("[data-testid=diagram-group]").get(0).getAttribute("data-kind"));
        screenshot("page-1280-port-scan-console-only.png");
    }

    @Test
    void following_the_large_file_get_stream_shows_exactly_the_bytes_sent() throws Exception {
        // The test reads the page's own download link, a blob: URL the page's policy does not let scripts fetch.
        browser.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        openAndRun("large-file-get");
        JsonObject transcript = JsonParser.parseString(downloadedTranscript()).getAsJsonObject();
        browser.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", false));

        drawn("[data-testid=diagram-arrow]").get(0).click();
        byTestId("follow-stream").click();
        byTestId("stream");

        Map<String, StringBuilder> shown = new LinkedHashMap<>();
        List<WebElement> chunks = new ArrayList<>(browser.findElements(By.cssSelector("[data-testid=stream-chunk]")));
        chunks.sort(Comparator.comparingInt((WebElement c) -> Integer.parseInt(c.getAttribute("data-dir")))
                .thenComparingInt(c -> Integer.parseInt(c.getAttribute("data-offset"))));
        for (WebElement chunk : chunks) {
            shown.computeIfAbsent(chunk.getAttribute("data-dir"), k -> new StringBuilder())
                    // As JSON: Selenium's own string result turns \r\n into \n.
                    .append(JsonParser.parseString((String) browser.executeScript(
                            "return JSON.stringify(arguments[0].textContent)", chunk)).getAsString());
        }
        Map<String, StringBuilder> sent = sentByEnd(transcript);
        assertEquals(2, shown.size());
        assertEquals(List.copyOf(sent.values()).stream().map(StringBuilder::toString).toList(),
                shown.values().stream().map(StringBuilder::toString).toList());
        long reads = transcript.getAsJsonArray("events").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(e -> "recv".equals(e.get("kind").getAsString()) && e.get("size").getAsInt() > 0).count();
        assertEquals(reads, browser.findElements(By.cssSelector("[data-testid=recv-cut]")).size(), "a mark where each recv ended");

        byTestId("stream-mode-http").click();
        List<WebElement> http = browser.findElements(By.cssSelector("[data-testid=http-message]"));
        assertTrue(http.get(1).getText().contains("HTTP/1.1 200 OK"), http.get(1).getText());
        screenshot("page-1280-large-file-get-stream.png");
    }

    // The transcript as the page holds it: its "Download the transcript (JSON)" link.
    private static String downloadedTranscript() {
        String href = byTestId("download-json").getAttribute("href");
        return (String) browser.executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[arguments.length - 1])", href);
    }

    // The bytes each end sent on connection 1 in stream order, keyed by the sending address in the order of first send.
    private static Map<String, StringBuilder> sentByEnd(JsonObject transcript) {
        Map<String, List<JsonObject>> sends = new LinkedHashMap<>();
        transcript.getAsJsonArray("events").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(e -> "send".equals(e.get("kind").getAsString()) && e.get("conn").getAsInt() == 1)
                .forEach(e -> sends.computeIfAbsent(e.get("local").getAsString(), k -> new ArrayList<>()).add(e));
        Map<String, StringBuilder> sent = new LinkedHashMap<>();
        sends.forEach((end, list) -> {
            StringBuilder bytes = sent.computeIfAbsent(end, k -> new StringBuilder());
            list.stream().sorted(Comparator.comparingInt(e -> e.get("offset").getAsInt()))
                    .forEach(e -> bytes.append(new String(Base64.getDecoder().decode(e.get("base64").getAsString()),
                            StandardCharsets.UTF_8)));
        });
        return sent;
    }
}
