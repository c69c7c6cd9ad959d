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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.RegisteredCase;

/** Runs watched live in headless Chromium: drawn as they happen, stopped, reopened from their link or a file. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveRunsBrowserTest {
    // Generous: on a loaded machine a page and a run can be slow; it is only reached when a test fails.
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path profile;
    @TempDir
    static Path files;
    private static SocketLabServer server;
    private static ChromeDriver browser;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(profile);
        List<RegisteredCase> cases = new ArrayList<>(CaseRegistry.ofBuiltIns().catalogue().cases());
        cases.add(CaseDiscovery.describe(new Talker(), RegisteredCase.BUILT_IN));
        cases.add(CaseDiscovery.describe(new OwnClient(), RegisteredCase.BUILT_IN));
        ServerConfig config = ServerConfig.defaults().withPort(0).withRunTimeLimit(Duration.ofSeconds(60));
        server = SocketLabServer.start(config, new CaseRegistry(cases), AccessLog.none());
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

    private static void go(String hash) {
        browser.get("http://127.0.0.1:" + server.port() + "/" + hash);
    }

    // The run page's code loads when it is first opened, so the file input comes a moment after the page.
    private static WebElement transcriptFile() {
        return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=transcript-file]")));
    }

    private static WebElement outcome() {
        return waitFor().until(d -> {
            var found = d.findElements(By.cssSelector("[data-testid=outcome][data-outcome]"));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    // The events the diagram draws, a collapsed run of alike events (data-count) counting as its events.
    private static int drawnEvents() {
        return ((Number) browser.executeScript("return [...document.querySelectorAll('[data-testid=diagram] g.row')]"
                + ".reduce((n, row) => n + Number(row.dataset.count ?? 1), 0)")).intValue();
    }

    private static String api(String method, String path, String prefer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
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

    private static void screenshot(String name) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void a_run_is_drawn_while_it_goes_on_and_stop_cancels_it() throws Exception {
        go("#/cases/test-talker");
        byTestId("run-button").click();

        byTestId("live-status");
        waitFor().until(d -> drawnEvents() >= 3);
        assertTrue(byTestId("stop-button").isEnabled());
        screenshot("live-run.png");
        byTestId("stop-button").click();

        WebElement outcome = outcome();
        assertEquals("error", outcome.getAttribute("data-outcome"));
        assertTrue(byTestId("outcome-error").getText().contains("cancelled"));
        byTestId("run-link").click();
        waitFor().until(d -> d.getCurrentUrl().contains("#/runs/"));
        assertEquals("error", outcome().getAttribute("data-outcome"));
    }

    @Test
    void the_event_selected_while_a_run_goes_on_stays_selected_when_it_ends() {
        go("#/cases/test-talker");
        byTestId("run-button").click();
        waitFor().until(d -> drawnEvents() >= 3);

        // The talker's lines are alike: drawn as one run of events, opened to pick the first.
        WebElement group = byTestId("diagram-group");
        group.click();
        waitFor().until(d -> !d.findElements(By.cssSelector("[data-testid=diagram-event][data-index='0']")).isEmpty());
        browser.findElement(By.cssSelector("[data-testid=diagram-event][data-index='0']")).click();
        waitFor().until(d -> byTestId("event-detail").getText().contains("line 1"));
        byTestId("stop-button").click();

        assertEquals("error", outcome().getAttribute("data-outcome"));
        assertTrue(byTestId("event-detail").getText().contains("line 1"), byTestId("event-detail").getText());
        assertEquals("true", browser.findElement(By.cssSelector("[data-testid=diagram-event][data-index='0']"))
                .getAttribute("aria-pressed"));
    }

    @Test
    void a_runs_page_survives_a_reload() {
        String runId = runId(uncheck(() -> api("POST", "/api/cases/missing-message/runs", null)));

        go("#/runs/" + runId);
        assertEquals("passed", outcome().getAttribute("data-outcome"));
        waitFor().until(d -> byTestId("run-title").getText().contains("The Missing Message Mystery"));
        browser.navigate().refresh();

        assertEquals("passed", outcome().getAttribute("data-outcome"));
        assertTrue(drawnEvents() > 3);
        assertTrue(byTestId("case-link").getAttribute("href").contains("#/cases/missing-message?"));
    }

    @Test
    void a_runs_page_follows_a_run_that_goes_on() throws Exception {
        String runId = runId(api("POST", "/api/cases/test-talker/runs", "respond-async"));

        go("#/runs/" + runId);
        byTestId("live-status");
        waitFor().until(d -> drawnEvents() >= 2);
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
        waitFor().until(d -> d.findElement(By.tagName("h1")).getText().contains("The Missing Message Mystery"));
    }

    @Test
    void a_file_that_is_not_a_transcript_says_so() throws Exception {
        Path file = Files.writeString(files.resolve("other.json"), "{\"hello\": 1}");

        go("#/open");
        transcriptFile().sendKeys(file.toAbsolutePath().toString());

        assertTrue(byTestId("error-message").getText().contains("events"));
    }

    @Test
    void with_listen_port_the_page_says_where_to_connect_and_shows_the_clients_bytes() throws Exception {
        go("#/cases/test-own-client?listenPort=0");
        byTestId("run-button").click();

        String command = byTestId("listen-command").getText();
        assertTrue(byTestId("listen-banner").getText().contains("run your client now"));
        Matcher nc = Pattern.compile("^nc 127\\.0\\.0\\.1 (\\d+)$").matcher(command);
        assertTrue(nc.matches(), command);
        screenshot("listen-banner.png");
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
        assertTrue(byTestId("diagram").getAttribute("innerHTML").contains("hello from my client"));
    }

    @Test
    void the_tcp_uppercase_server_waits_for_the_students_client_and_the_page_shows_the_exchange() throws Exception {
        go("#/cases/tcp-uppercase?listenPort=0");
        byTestId("run-button").click();

        Matcher nc = Pattern.compile("^nc 127\\.0\\.0\\.1 (\\d+)$").matcher(byTestId("listen-command").getText());
        assertTrue(nc.matches(), nc.toString());
        screenshot("listen-tcp-uppercase.png");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(nc.group(1))), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("shout this".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            assertEquals("SHOUT THIS", new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }

        assertEquals("passed", outcome().getAttribute("data-outcome"));
        assertTrue(byTestId("diagram").getAttribute("innerHTML").contains("SHOUT THIS"));
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
