package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Long runs stay readable: filters, collapsed runs of alike events, and following a whole stream. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LongRunBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final PageDriver page = PageDriver.builtIns(WAIT);

    private static void openAndRun(String caseAndQuery) {
        page.browser().get("about:blank");
        page.browser().get(page.url("/#/cases/" + caseAndQuery));
        page.byTestId("run-button").click();
        page.waitFor().until(d -> !d.findElements(By.cssSelector("[data-testid=outcome][data-outcome]")).isEmpty());
    }

    private static List<WebElement> drawn(String selector) {
        return page.byTestId("diagram").findElements(By.cssSelector(selector));
    }

    @Test
    void a_scan_of_1024_closed_ports_is_one_row_that_opens_and_filters() throws Exception {
        openAndRun("port-scanner?ports=1-1024");

        List<WebElement> groups = drawn("[data-testid=diagram-group]");
        assertEquals(1, groups.size());
        assertEquals("1024", groups.get(0).getAttribute("data-count"));
        assertTrue(groups.get(0).getText().contains("ports 1–1,024"), groups.get(0).getText());
        assertTrue(page.byTestId("wire-count").getText().contains("1 row for 1,024 of 2,048 events"), page.byTestId("wire-count").getText());
        page.screenshotOfDiagram("page-1280-port-scan-collapsed.png");

        groups.get(0).click();
        page.waitFor().until(d -> drawn("[data-testid=diagram-group]").isEmpty());
        int rowsDrawn = drawn("[data-testid=diagram-event]").size();
        assertTrue(rowsDrawn > 10 && rowsDrawn < 200, "only the rows near the visible part are drawn: " + rowsDrawn);
        assertTrue(drawn("[data-testid=diagram-event]").get(0).getText().contains("127.0.0.1:1"), "each row keeps its port");

        page.browser().findElement(By.cssSelector("[data-testid=filter-kind][data-kind=output]")).click();
        page.waitFor().until(d -> page.byTestId("wire-count").getText().matches("(.* of )?2,048 events"));
        page.browser().findElement(By.cssSelector("[data-testid=filter-kind][data-kind=error]")).click();
        page.waitFor().until(d -> page.byTestId("wire-count").getText().contains("1 row for 1,024 of 2,048 events"));
        assertEquals("output", drawn("[data-testid=diagram-group]").get(0).getAttribute("data-kind"));
        page.screenshotOfDiagram("page-1280-port-scan-console-only.png");
    }

    @Test
    void following_the_large_file_get_stream_shows_exactly_the_bytes_sent() throws Exception {
        // The test reads the page's own download link, a blob: URL the page's policy does not let scripts fetch.
        page.browser().executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        openAndRun("large-file-get");
        JsonObject transcript = JsonParser.parseString(downloadedTranscript()).getAsJsonObject();
        page.browser().executeCdpCommand("Page.setBypassCSP", Map.of("enabled", false));

        drawn("[data-testid=diagram-arrow]").get(0).click();
        page.byTestId("follow-stream").click();
        page.byTestId("stream");

        Map<String, StringBuilder> shown = new LinkedHashMap<>();
        List<WebElement> chunks = new ArrayList<>(page.browser().findElements(By.cssSelector("[data-testid=stream-chunk]")));
        chunks.sort(Comparator.comparingInt((WebElement c) -> Integer.parseInt(c.getAttribute("data-dir")))
                .thenComparingInt(c -> Integer.parseInt(c.getAttribute("data-offset"))));
        for (WebElement chunk : chunks) {
            shown.computeIfAbsent(chunk.getAttribute("data-dir"), k -> new StringBuilder())
                    // As JSON: Selenium's own string result turns \r\n into \n.
                    .append(JsonParser.parseString((String) page.browser().executeScript(
                            "return JSON.stringify(arguments[0].textContent)", chunk)).getAsString());
        }
        Map<String, StringBuilder> sent = sentByEnd(transcript);
        assertEquals(2, shown.size());
        assertEquals(List.copyOf(sent.values()).stream().map(StringBuilder::toString).toList(),
                shown.values().stream().map(StringBuilder::toString).toList());
        long reads = transcript.getAsJsonArray("events").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(e -> "recv".equals(e.get("kind").getAsString()) && e.get("size").getAsInt() > 0).count();
        assertEquals(reads, page.browser().findElements(By.cssSelector("[data-testid=recv-cut]")).size(), "a mark where each recv ended");

        page.byTestId("stream-mode-http").click();
        List<WebElement> http = page.browser().findElements(By.cssSelector("[data-testid=http-message]"));
        assertTrue(http.get(1).getText().contains("HTTP/1.1 200 OK"), http.get(1).getText());
        page.screenshotOfDiagram("page-1280-large-file-get-stream.png");
    }

    // The transcript as the page holds it: its "Download the transcript (JSON)" link, whose file is
    // written when the page is idle after drawing the run.
    private static String downloadedTranscript() {
        String href = page.waitFor().until(d -> {
            String value = page.byTestId("download-json").getAttribute("href");
            return value != null && value.startsWith("blob:") ? value : null;
        });
        return (String) page.browser().executeAsyncScript(
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
