package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.server.plugins.CaseDiscovery;

/** The sequence diagram draws connections and reads from the transcript's conn and offset facts. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SequenceDiagramBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final PageDriver page = PageDriver.withCases(WAIT,
            () -> List.of(CaseDiscovery.describe(new AcceptAfterSend(), "tests.jar"),
                    CaseDiscovery.describe(new OutsideClient(), "tests.jar")));

    private static List<WebElement> arrows() {
        return page.byTestId("diagram").findElements(By.cssSelector("[data-testid=diagram-arrow]"));
    }

    @Test
    void missing_message_passed_shows_every_byte_read_and_no_never_read() throws Exception {
        page.openFresh("missing-message");

        assertEquals("passed", page.runAndWait());

        WebElement diagram = page.byTestId("diagram");
        List<WebElement> arrows = arrows();
        assertEquals(1, arrows.size());
        assertEquals("received", arrows.get(0).getAttribute("data-delivery"));
        assertFalse(diagram.getAttribute("innerHTML").contains("never read"), diagram.getAttribute("innerHTML"));
        page.screenshotOfDiagram("missing-message-passed.png");
    }

    @Test
    void the_recv_bug_marks_the_send_with_the_three_bytes_never_read() throws Exception {
        page.openFresh("missing-message");
        WebElement readUntilClosed = page.byTestId("param-readUntilClosed");
        if (readUntilClosed.isSelected()) {
            readUntilClosed.click();
        }

        assertEquals("failed", page.runAndWait());

        WebElement send = arrows().get(0);
        assertEquals("partial", send.getAttribute("data-delivery"));
        assertTrue(send.getText().contains("11 B, 8 read, 3 never read"), send.getText());
        send.click();
        assertTrue(page.byTestId("unread-bytes").getText().contains("offsets 8–10"), page.byTestId("unread-bytes").getText());
        page.screenshotOfDiagram("missing-message-bug.png");
    }

    @Test
    void an_accept_recorded_after_the_first_send_draws_one_connection_between_the_two_actors() throws Exception {
        page.openFresh("accept-after-send");

        assertEquals("passed", page.runAndWait());

        WebElement diagram = page.byTestId("diagram");
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
        page.screenshotOfDiagram("accept-after-send.png");
    }

    @Test
    void a_client_outside_the_lab_is_drawn_on_a_lane_named_by_the_case() throws Exception {
        page.openFresh("outside-client");

        assertEquals("passed", page.runAndWait());

        WebElement diagram = page.byTestId("diagram");
        List<String> outside = diagram.findElements(By.cssSelector(".lane-head.external")).stream()
                .map(WebElement::getText).distinct().toList();
        assertEquals(List.of("Your client"), outside);
        WebElement answer = arrows().get(0);
        assertEquals("external", answer.getAttribute("data-delivery"));
        assertTrue(answer.getText().contains("HI"), answer.getText());
        assertFalse(diagram.getAttribute("innerHTML").contains("never read"));
        page.screenshotOfDiagram("outside-client.png");
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
