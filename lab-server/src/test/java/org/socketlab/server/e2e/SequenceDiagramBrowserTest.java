package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.plugins.CaseDiscovery;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.RegisteredCase;

/** The sequence diagram draws connections and reads from the transcript's conn and offset facts. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SequenceDiagramBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path profile;
    private static SocketLabServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(profile);
        List<RegisteredCase> cases = new ArrayList<>(CaseRegistry.ofBuiltIns().catalogue().cases());
        cases.add(CaseDiscovery.describe(new AcceptAfterSend(), "tests.jar"));
        cases.add(CaseDiscovery.describe(new OutsideClient(), "tests.jar"));
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

    private static WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static WebElement byTestId(String id) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=" + id + "]")));
    }

    private static void open(String caseId) {
        // A fresh page each time: a result left from the previous test must not pass for this one's.
        browser.get("about:blank");
        browser.get("http://127.0.0.1:" + server.port() + "/#/cases/" + caseId);
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

    private static List<WebElement> arrows() {
        return byTestId("diagram").findElements(By.cssSelector("[data-testid=diagram-arrow]"));
    }

    private static void screenshot(String name) throws Exception {
        browser.executeScript("arguments[0].scrollIntoView()", byTestId("diagram"));
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void missing_message_passed_shows_every_byte_read_and_no_never_read() throws Exception {
        open("missing-message");

        assertEquals("passed", runAndWait());

        WebElement diagram = byTestId("diagram");
        List<WebElement> arrows = arrows();
        assertEquals(1, arrows.size());
        assertEquals("received", arrows.get(0).getAttribute("data-delivery"));
        assertFalse(diagram.getAttribute("innerHTML").contains("never read"), diagram.getAttribute("innerHTML"));
        screenshot("missing-message-passed.png");
    }

    @Test
    void the_recv_bug_marks_the_send_with_the_three_bytes_never_read() throws Exception {
        open("missing-message");
        WebElement readUntilClosed = byTestId("param-readUntilClosed");
        if (readUntilClosed.isSelected()) {
            readUntilClosed.click();
        }

        assertEquals("failed", runAndWait());

        WebElement send = arrows().get(0);
        assertEquals("partial", send.getAttribute("data-delivery"));
        assertTrue(send.getText().contains("11 B, 8 read, 3 never read"), send.getText());
        send.click();
        assertTrue(byTestId("unread-bytes").getText().contains("offsets 8–10"), byTestId("unread-bytes").getText());
        screenshot("missing-message-bug.png");
    }

    @Test
    void an_accept_recorded_after_the_first_send_draws_one_connection_between_the_two_actors() throws Exception {
        open("accept-after-send");

        assertEquals("passed", runAndWait());

        WebElement diagram = byTestId("diagram");
        assertTrue(diagram.findElements(By.cssSelector(".lane-head.external")).isEmpty(), "no lane for an outside peer");
        List<String> conns = diagram.findElements(By.cssSelector("[data-conn]")).stream()
                .map(e -> e.getAttribute("data-conn")).distinct().toList();
        assertEquals(1, conns.size(), conns.toString());
        List<String> kinds = diagram.findElements(By.cssSelector("[data-conn]")).stream()
                .map(e -> e.getAttribute("data-kind")).toList();
        assertTrue(kinds.indexOf("send") < kinds.indexOf("accept"), "the accept is drawn after the send: " + kinds);
        List<WebElement> arrows = arrows();
        assertEquals(List.of("received", "received"), arrows.stream().map(a -> a.getAttribute("data-delivery")).toList());
        assertFalse(diagram.getAttribute("innerHTML").contains("never read"));
        screenshot("accept-after-send.png");
    }

    @Test
    void a_client_outside_the_lab_is_drawn_on_a_lane_named_by_the_case() throws Exception {
        open("outside-client");

        assertEquals("passed", runAndWait());

        WebElement diagram = byTestId("diagram");
        List<String> outside = diagram.findElements(By.cssSelector(".lane-head.external")).stream()
                .map(WebElement::getText).distinct().toList();
        assertEquals(List.of("Your client"), outside);
        WebElement answer = arrows().get(0);
        assertEquals("external", answer.getAttribute("data-delivery"));
        assertTrue(answer.getText().contains("HI"), answer.getText());
        assertFalse(diagram.getAttribute("innerHTML").contains("never read"));
        screenshot("outside-client.png");
    }

    /** A server whose client is a plain JDK socket, as a student's own client would be. */
    static final class OutsideClient implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("outside-client").title("Outside client")
                    .summary("A client that is not a lab socket.").source("tests").build();
        }

        @Override
        public void run(RunContext context) throws Exception {
            try (TcpListener listener = context.actor("Server").listen()) {
                listener.namePeers("Your client");
                try (Socket outside = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
                    outside.setSoTimeout(5_000);
                    outside.getOutputStream().write("hi".getBytes(StandardCharsets.UTF_8));
                    try (TcpConnection connection = listener.accept()) {
                        connection.send(connection.recvText(16).toUpperCase());
                    }
                    byte[] answer = outside.getInputStream().readNBytes(2);
                    context.checkEquals("the outside client got the answer", "HI",
                            new String(answer, StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** A client that sends before the server accepts: the accept is recorded after the send. */
    static final class AcceptAfterSend implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("accept-after-send").title("Accept after send")
                    .summary("The server accepts only after the client's first send.").source("tests").build();
        }

        @Override
        public void run(RunContext context) throws Exception {
            try (TcpListener listener = context.actor("Server").listen()) {
                CountDownLatch sent = new CountDownLatch(1);
                Task<Void> client = context.start("Client", () -> {
                    try (TcpConnection connection = context.actor("Client").connect("127.0.0.1", listener.port())) {
                        connection.send("PING");
                        sent.countDown();
                        connection.recv(16);
                    }
                });
                if (!sent.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the client did not send");
                }
                try (TcpConnection connection = listener.accept()) {
                    connection.recv(16);
                    connection.send("PONG");
                }
                client.join();
                context.check("the accept came after the send", true, null, null);
            }
        }
    }
}
