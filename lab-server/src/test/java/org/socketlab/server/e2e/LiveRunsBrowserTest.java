package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.RunContext;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.plugins.CaseDiscovery;
import org.socketlab.server.plugins.RegisteredCase;

/** Runs watched live in headless Chromium: drawn as they happen, stopped, reopened from their link or a file. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveRunsBrowserTest {
    // Generous: on a loaded machine a page and a run can be slow; it is only reached when a test fails.
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path files;
    @RegisterExtension
    static final PageDriver page = PageDriver.of(WAIT, () -> SocketLabServer.start(
            ServerConfig.defaults().withPort(0).withRunTimeLimit(Duration.ofSeconds(60)),
            PageDriver.builtInsAnd(List.of(CaseDiscovery.describe(new Talker(), RegisteredCase.BUILT_IN),
                    CaseDiscovery.describe(new OwnClient(), RegisteredCase.BUILT_IN))), AccessLog.none()));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static void go(String hash) {
        page.browser().get(page.url("/" + hash));
    }

    // The run page's code loads when it is first opened, so the file input comes a moment after the page.
    private static WebElement transcriptFile() {
        return page.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=transcript-file]")));
    }

    private static WebElement outcome() {
        return page.waitFor().until(d -> {
            var found = d.findElements(By.cssSelector("[data-testid=outcome][data-outcome]"));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    // The events the diagram draws, a collapsed run of alike events (data-count) counting as its events.
    private static int drawnEvents() {
        return ((Number) page.browser().executeScript("return [...document.querySelectorAll('[data-testid=diagram] g.row')]"
                + ".reduce((n, row) => n + Number(row.dataset.count ?? 1), 0)")).intValue();
    }

    private static String api(String method, String path, String prefer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(page.url(path)))
                .timeout(Duration.ofSeconds(20)).method(method, method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json");
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String runId(String json) {
        return JsonParser.parseString(json).getAsJsonObject().get("runId").getAsString();
    }

    @Test
    void a_run_is_drawn_while_it_goes_on_and_stop_cancels_it() throws Exception {
        go("#/cases/test-talker");
        page.byTestId("run-button").click();

        page.byTestId("live-status");
        page.waitFor().until(d -> drawnEvents() >= 3);
        assertTrue(page.byTestId("stop-button").isEnabled());
        page.screenshot("live-run.png");
        page.byTestId("stop-button").click();

        WebElement outcome = outcome();
        assertEquals("error", outcome.getAttribute("data-outcome"));
        assertTrue(page.byTestId("outcome-error").getText().contains("cancelled"));
        page.byTestId("run-link").click();
        page.waitFor().until(d -> d.getCurrentUrl().contains("#/runs/"));
        assertEquals("error", outcome().getAttribute("data-outcome"));
    }

    @Test
    void the_event_selected_while_a_run_goes_on_stays_selected_when_it_ends() {
        go("#/cases/test-talker");
        page.byTestId("run-button").click();
        page.waitFor().until(d -> drawnEvents() >= 3);

        // The talker's lines are alike: drawn as one run of events, opened to pick the first. The run
        // grows meanwhile, and a redraw may replace the element between finding and clicking it: the
        // wait finds it again (it ignores stale elements).
        clickWhenDrawn("[data-testid=diagram-group]");
        clickWhenDrawn("[data-testid=diagram-event][data-index='0']");
        page.waitFor().until(d -> page.byTestId("event-detail").getText().contains("line 1"));
        page.byTestId("stop-button").click();

        assertEquals("error", outcome().getAttribute("data-outcome"));
        assertTrue(page.byTestId("event-detail").getText().contains("line 1"), page.byTestId("event-detail").getText());
        assertEquals("true", page.browser().findElement(By.cssSelector("[data-testid=diagram-event][data-index='0']"))
                .getAttribute("aria-pressed"));
    }

    private static void clickWhenDrawn(String selector) {
        page.waitFor().until(d -> {
            d.findElement(By.cssSelector(selector)).click();
            return true;
        });
    }

    @Test
    void a_runs_page_survives_a_reload() {
        String runId = runId(uncheck(() -> api("POST", "/api/cases/missing-message/runs", null)));

        go("#/runs/" + runId);
        assertEquals("passed", outcome().getAttribute("data-outcome"));
        page.waitFor().until(d -> page.byTestId("run-title").getText().contains("The Missing Message Mystery"));
        page.browser().navigate().refresh();

        assertEquals("passed", outcome().getAttribute("data-outcome"));
        assertTrue(drawnEvents() > 3);
        assertTrue(page.byTestId("case-link").getAttribute("href").contains("#/cases/missing-message?"));
    }

    @Test
    void a_runs_page_follows_a_run_that_goes_on() throws Exception {
        String runId = runId(api("POST", "/api/cases/test-talker/runs", "respond-async"));

        go("#/runs/" + runId);
        page.byTestId("live-status");
        page.waitFor().until(d -> drawnEvents() >= 2);
        api("DELETE", "/api/runs/" + runId, null);

        assertEquals("error", outcome().getAttribute("data-outcome"));
    }

    @Test
    void a_downloaded_transcript_file_opens_and_shows_the_run() throws Exception {
        String runId = runId(api("POST", "/api/cases/missing-message/runs", null));
        Path file = Files.writeString(files.resolve("missing-message.json"), api("GET", "/api/runs/" + runId, null));

        go("#/open");
        transcriptFile().sendKeys(file.toAbsolutePath().toString());

        assertEquals("passed", outcome().getAttribute("data-outcome"));
        assertTrue(drawnEvents() > 3);
        page.waitFor().until(d -> d.findElement(By.tagName("h1")).getText().contains("The Missing Message Mystery"));
    }

    @Test
    void a_file_that_is_not_a_transcript_says_so() throws Exception {
        Path file = Files.writeString(files.resolve("other.json"), "{\"hello\": 1}");

        go("#/open");
        transcriptFile().sendKeys(file.toAbsolutePath().toString());

        assertTrue(page.byTestId("error-message").getText().contains("events"));
    }

    @Test
    void with_listen_port_the_page_says_where_to_connect_and_shows_the_clients_bytes() throws Exception {
        go("#/cases/test-own-client?listenPort=0");
        page.byTestId("run-button").click();

        String command = page.byTestId("listen-command").getText();
        assertTrue(page.byTestId("listen-banner").getText().contains("run your client now"));
        Matcher nc = Pattern.compile("^nc 127\\.0\\.0\\.1 (\\d+)$").matcher(command);
        assertTrue(nc.matches(), command);
        page.screenshot("listen-banner.png");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(nc.group(1))), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("hello from my client\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertEquals("HELLO FROM MY CLIENT", reply);
        }

        assertEquals("passed", outcome().getAttribute("data-outcome"));
        assertTrue(page.byTestId("diagram").getAttribute("innerHTML").contains("hello from my client"));
    }

    @Test
    void the_tcp_uppercase_server_waits_for_the_students_client_and_the_page_shows_the_exchange() throws Exception {
        go("#/cases/tcp-uppercase?listenPort=0");
        page.byTestId("run-button").click();

        Matcher nc = Pattern.compile("^nc 127\\.0\\.0\\.1 (\\d+)$").matcher(page.byTestId("listen-command").getText());
        assertTrue(nc.matches(), nc.toString());
        page.screenshot("listen-tcp-uppercase.png");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(nc.group(1))), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("shout this".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            assertEquals("SHOUT THIS", new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }

        assertEquals("passed", outcome().getAttribute("data-outcome"));
        assertTrue(page.byTestId("diagram").getAttribute("innerHTML").contains("SHOUT THIS"));
    }

    private interface Call {
        String call() throws Exception;
    }

    private static String uncheck(Call call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Prints a line every 50 ms until it is cancelled (or its time limit). */
    static final class Talker implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("test-talker").title("Talker").summary("Talks until stopped.").source("tests")
                    .build();
        }

        @Override
        public void run(RunContext context) throws Exception {
            for (int i = 1; ; i++) {
                context.actor("Talker").print("line " + i);
                Thread.sleep(50);
            }
        }
    }

    /** A stand-in for a server-side case with listenPort: an uppercase server that waits for the student's client. */
    static final class OwnClient implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("test-own-client").title("Own client").summary("Waits for your client.")
                    .source("tests").tags("tcp").build();
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.string("listenPort", "", "the port to wait on; 0 any free one"));
        }

        @Override
        public void run(RunContext context) throws Exception {
            String port = context.params().getString("listenPort");
            try (TcpListener listener = port.isEmpty() ? context.actor("Server").listen()
                    : context.actor("Server").listen(Integer.parseInt(port));
                 TcpConnection client = listener.accept()) {
                byte[] line = client.recv(1024);
                String text = new String(line, StandardCharsets.UTF_8);
                client.send(text.toUpperCase());
                context.check("got a line", text.endsWith("\n"), "a line", text);
            }
        }
    }
}
