package org.socketlab.cases.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.cases.http.RequestInfoServerCase;
import org.socketlab.cases.http.WebServerCase;
import org.socketlab.cases.tcp.TcpCounterCase;
import org.socketlab.cases.tcp.TcpUppercaseCase;
import org.socketlab.cases.udp.UdpUppercaseCase;

/**
 * {@code listenPort}: the lab's server waits for a client from outside the lab, here a JDK socket. Each test
 * runs through {@link LiveRun#test}, which tells the test's client from a stray that reached the port first.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ListenPortTest {

    @Test
    void tcp_uppercase_answers_your_client_in_capitals_and_records_it_as_your_client() throws Exception {
        LiveRun.test(new TcpUppercaseCase(), Map.of(), run -> {
            String reply;
            try (Socket client = run.connect()) {
                client.getOutputStream().write("hello world".getBytes(StandardCharsets.UTF_8));
                reply = new String(readUntilClosed(client), StandardCharsets.UTF_8);
            }
            Transcript transcript = run.transcript();

            assertEquals("HELLO WORLD", reply);
            assertPassed(transcript);
            assertEquals(EventKind.LISTEN, transcript.events().get(0).kind());
            TranscriptEvent recv = only(transcript, EventKind.RECV);
            assertEquals("hello world", recv.text());
            assertEquals("Your client", recv.peer());
            assertTrue(transcript.events().stream().noneMatch(e -> e.actor().equals("Client")),
                    "the lab's own client does not run");
        });
    }

    @Test
    void tcp_uppercase_fails_when_your_client_closes_without_sending() throws Exception {
        LiveRun.test(new TcpUppercaseCase(), Map.of(), run -> {
            run.connect().close();
            Transcript transcript = run.transcript();

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertNull(transcript.error());
            assertEquals(new Check("Your client sent a sentence", false, "a sentence such as hello world",
                    "nothing: your client closed without sending"), transcript.checks().get(0));
        });
    }

    @Test
    void the_run_ends_failed_when_no_client_comes_within_live_seconds() throws Exception {
        LiveRun.test(new TcpUppercaseCase(), Map.of("liveSeconds", 1), run -> {
            run.port();
            Transcript transcript = run.transcript();

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertNull(transcript.error());
            assertEquals(new Check("Your client reaches the lab's server within 1 s", false,
                    "at least one connection or datagram", "none came"), transcript.checks().get(0));
        });
    }

    @Test
    void a_client_that_connects_and_stays_silent_fails_for_its_silence_but_is_counted() throws Exception {
        LiveRun.test(new TcpCounterCase(), Map.of("liveSeconds", 1), run -> {
            try (Socket silent = run.connect()) {
                Transcript transcript = run.transcript();

                assertEquals(Outcome.FAILED, transcript.outcome());
                assertNull(transcript.error());
                Check silence = transcript.checks().get(0);
                assertEquals("Your client sends what the handout's client sends in time", silence.name());
                assertTrue(silence.actual().startsWith("nothing came: recv timed out"), silence.actual());
                assertEquals(new Check("Your client reaches the lab's server within 1 s", true,
                        "at least one connection or datagram", "1 came"), transcript.checks().get(1));
            }
        });
    }

    @Test
    void udp_uppercase_sends_your_datagram_back_in_capitals() throws Exception {
        LiveRun.test(new UdpUppercaseCase(), Map.of(), run -> {
            String reply;
            try (DatagramSocket client = run.udp()) {
                client.setSoTimeout(5_000);
                byte[] sentence = "hello &*! world".getBytes(StandardCharsets.UTF_8);
                client.send(new DatagramPacket(sentence, sentence.length, InetAddress.getLoopbackAddress(),
                        run.port()));
                DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
                client.receive(packet);
                reply = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            }
            Transcript transcript = run.transcript();

            assertEquals("HELLO &*! WORLD", reply);
            assertPassed(transcript);
            assertEquals(EventKind.LISTEN, transcript.events().get(0).kind());
            assertEquals("Your client", only(transcript, EventKind.RECV).peer());
        });
    }

    @Test
    void udp_uppercase_fails_on_an_empty_datagram() throws Exception {
        LiveRun.test(new UdpUppercaseCase(), Map.of(), run -> {
            try (DatagramSocket client = run.udp()) {
                client.send(new DatagramPacket(new byte[0], 0, InetAddress.getLoopbackAddress(), run.port()));
            }
            Transcript transcript = run.transcript();

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertFalse(transcript.checks().get(0).passed(), transcript.checks().toString());
            assertEquals("Your client sent a sentence", transcript.checks().get(0).name());
        });
    }

    @Test
    void tcp_counter_counts_each_connection_of_your_client() throws Exception {
        LiveRun.test(new TcpCounterCase(), Map.of(), run -> {
            for (int n = 1; n <= 3; n++) {
                try (Socket client = run.connect()) {
                    client.getOutputStream().write("Hello from client!".getBytes(StandardCharsets.UTF_8));
                    assertEquals("Hello! You are connection #" + n,
                            new String(readUntilClosed(client), StandardCharsets.UTF_8));
                }
            }
            Transcript transcript = run.transcript();

            assertPassed(transcript);
            assertEquals(3, transcript.events().stream().filter(e -> e.kind() == EventKind.ACCEPT).count());
        });
    }

    @Test
    void tcp_counter_fails_when_your_client_connects_and_sends_nothing() throws Exception {
        LiveRun.test(new TcpCounterCase(), Map.of("clients", 1), run -> {
            try (Socket client = run.connect()) {
                client.shutdownOutput();
                readUntilClosed(client);
            }
            Transcript transcript = run.transcript();

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertEquals(new Check("Your client's connection #1 sent a message", false,
                    "a message such as Hello from client!", "nothing"), transcript.checks().get(0));
        });
    }

    @Test
    void request_info_server_checks_your_requests_method_path_and_user_agent() throws Exception {
        LiveRun.test(new RequestInfoServerCase(), Map.of("paths", "/hello"), run -> {
            String page;
            try (Socket client = run.connect()) {
                client.getOutputStream().write(("GET /hello HTTP/1.1\r\nHost: localhost\r\nUser-Agent: JDK-test\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                page = new String(readUntilClosed(client), StandardCharsets.UTF_8);
            }
            Transcript transcript = run.transcript();

            assertTrue(page.startsWith("HTTP/1.1 200 OK") && page.contains("JDK-test"), page);
            assertPassed(transcript);
            assertEquals(List.of("Your client's request 1 has a method, a path and a version",
                    "Your client's request 1 has a User-Agent", "Your client reaches the lab's server within 60 s"),
                    transcript.checks().stream().map(Check::name).toList());
        });
    }

    @Test
    void request_info_server_fails_a_request_without_a_user_agent() throws Exception {
        LiveRun.test(new RequestInfoServerCase(), Map.of("paths", "/"), run -> {
            try (Socket client = run.connect()) {
                client.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                readUntilClosed(client);
            }
            Transcript transcript = run.transcript();

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertEquals(new Check("Your client's request 1 has a User-Agent", false,
                    "a User-Agent field, e.g. curl/8.4.0", "none"), transcript.checks().get(1));
        });
    }

    @Test
    void web_server_serves_your_clients_file_and_404() throws Exception {
        LiveRun.test(new WebServerCase(), Map.of(), run -> {
            String file = get(run, "/HelloWorld.html");
            String missing = get(run, "/NotHere.html");
            Transcript transcript = run.transcript();

            assertTrue(file.startsWith("HTTP/1.1 200 OK\r\n\r\n<html>"), file);
            assertTrue(missing.startsWith("HTTP/1.1 404 Not Found"), missing);
            assertPassed(transcript);
        });
    }

    @Test
    void web_server_fails_a_request_without_a_path() throws Exception {
        LiveRun.test(new WebServerCase(), Map.of("liveSeconds", 1), run -> {
            try (Socket client = run.connect()) {
                client.getOutputStream().write("HELLO\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                readUntilClosed(client);
            }
            Transcript transcript = run.transcript();

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertEquals(new Check("Your client's request 1 has a method, a path and a version", false,
                    "a request line such as GET / HTTP/1.1", "HELLO"), transcript.checks().get(0));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "65536", "12.5"})
    void a_listen_port_that_is_not_a_port_is_rejected_naming_it(String port) {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new TcpUppercaseCase(), Map.of("listenPort", port)));

        assertEquals("listenPort", e.parameter());
    }

    @Test
    void target_and_listen_port_together_are_rejected() {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> CaseRunner.run(new WebServerCase(),
                Map.of("listenPort", "0", "target", "127.0.0.1:9")));

        assertEquals("listenPort", e.parameter());
    }

    @Test
    void a_run_in_live_mode_may_last_longer_than_the_standard_time_limit() throws Exception {
        assertEquals(java.time.Duration.ofSeconds(70), new TcpUppercaseCase().timeLimit(
                org.socketlab.api.Params.resolve(new TcpUppercaseCase().params(), Map.of("listenPort", "0")),
                java.time.Duration.ofSeconds(10)));
    }

    private static String get(LiveRun run, String path) throws Exception {
        try (Socket client = run.connect()) {
            client.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(readUntilClosed(client), StandardCharsets.UTF_8);
        }
    }

    static byte[] readUntilClosed(Socket socket) throws Exception {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    static void assertPassed(Transcript transcript) {
        assertNull(transcript.error(), transcript.error());
        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
    }

    private static TranscriptEvent only(Transcript transcript, EventKind kind) {
        List<TranscriptEvent> found = transcript.events().stream().filter(e -> e.kind() == kind).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }
}
