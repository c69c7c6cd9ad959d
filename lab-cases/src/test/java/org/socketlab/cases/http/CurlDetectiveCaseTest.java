package org.socketlab.cases.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
import org.socketlab.cases.support.HttpMessages;
import org.socketlab.cases.support.HttpRequestReader;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CurlDetectiveCaseTest {
    private static final String BIG_BODY = "X".repeat(5000);

    private static int serverPort(Transcript transcript) {
        String local = transcript.events().stream()
                .filter(e -> e.kind() == EventKind.LISTEN && e.actor().equals("Server"))
                .findFirst().orElseThrow().local();
        return Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
    }

    private static List<TranscriptEvent> serverReads(Transcript transcript) {
        return transcript.events().stream()
                .filter(e -> e.kind() == EventKind.RECV && e.actor().equals("Server"))
                .toList();
    }

    @Test
    void default_run_passes_and_prints_the_get_request_as_curl_sent_it() {
        Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        List<String> output = transcript.output();
        int get = output.indexOf("GET /test HTTP/1.1");
        assertTrue(get >= 0, output.toString());
        assertEquals(List.of("GET /test HTTP/1.1", "Host: localhost:" + serverPort(transcript),
                "User-Agent: curl/8.4.0", "Accept: */*", ""), output.subList(get, get + 5));
    }

    @Test
    void default_run_prints_the_small_post_with_its_form_headers_and_body() {
        Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of());

        List<String> output = transcript.output();
        int post = output.indexOf("POST /test HTTP/1.1");
        assertTrue(post >= 0, output.toString());
        assertEquals(List.of("POST /test HTTP/1.1", "Host: localhost:" + serverPort(transcript),
                "User-Agent: curl/8.4.0", "Accept: */*", "Content-Length: 17",
                "Content-Type: application/x-www-form-urlencoded", "", "Detective at work"),
                output.subList(post, post + 8));
    }

    @Test
    void default_run_reads_the_5000_byte_post_fully_with_several_recvs() {
        Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of());

        assertTrue(transcript.output().contains("POST /bigdata HTTP/1.1"));
        assertTrue(transcript.output().contains("Content-Length: 5000"));
        assertTrue(transcript.output().contains(BIG_BODY), "the whole body, printed on one line");
        List<TranscriptEvent> reads = serverReads(transcript);
        assertTrue(reads.stream().allMatch(e -> e.requested() == 1024));
        assertTrue(reads.stream().filter(e -> e.size() == 1024).count() >= 5,
                "the big request takes at least five full reads of 1024 bytes");
    }

    @Test
    void default_run_shows_curl_reporting_an_empty_reply_for_each_request() {
        Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of());

        assertEquals(3, transcript.output().stream().filter(Curl.EMPTY_REPLY::equals).count());
        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.SEND && e.actor().equals("Server")),
                "Server.py sends no response");
        // What ends each request is the server's close, which curl reads as the end of the stream, not a
        // time-out. (The close is recorded after it happens, so curl's read may come first in the list.)
        List<TranscriptEvent> events = transcript.events();
        assertTrue(events.stream().noneMatch(e -> e.kind() == EventKind.ERROR), events::toString);
        List<TranscriptEvent> endsOfStream = events.stream()
                .filter(e -> e.kind() == EventKind.RECV && e.actor().equals("curl") && e.size() == 0).toList();
        assertEquals(3, endsOfStream.size(), events::toString);
        for (TranscriptEvent end : endsOfStream) {
            assertTrue(events.stream().anyMatch(e -> e.actor().equals("Server") && e.kind() == EventKind.CLOSE
                    && end.conn().equals(e.conn())), "the server closed connection " + end.conn() + ": " + events);
        }
    }

    @Test
    void a_single_recv_cuts_the_big_request_short_and_fails() {
        Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of("readWholeRequest", false));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertFalse(transcript.output().contains(BIG_BODY));
        Check bigRequest = transcript.checks().stream()
                .filter(c -> c.name().contains("request 3")).findFirst().orElseThrow();
        assertFalse(bigRequest.passed());
        assertTrue(bigRequest.actual().startsWith("1024 bytes: POST /bigdata HTTP/1.1"), bigRequest.actual());
        assertTrue(bigRequest.expected().startsWith("5"), bigRequest.expected());
        assertEquals(3, serverReads(transcript).size(), "one recv per request");
    }

    @Test
    void a_single_recv_still_gets_the_small_requests_whole() {
        Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of("readWholeRequest", false));

        List<Check> printedChecks = transcript.checks().stream().filter(c -> c.name().startsWith("Server.py")).toList();
        assertEquals(List.of(true, true, false), printedChecks.stream().map(Check::passed).toList());
    }

    @Test
    void closing_with_the_big_body_unread_is_explained_in_a_note() {
        Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of("readWholeRequest", false));

        assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.NOTE
                && e.text().contains("were never read") && e.text().contains(Curl.RESET)), transcript.toString());
    }

    @Test
    void the_bug_run_resets_the_big_request_as_pythons_close_does_and_curl_prints_56() {
        Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of("readWholeRequest", false));

        assertEquals(List.of(Curl.EMPTY_REPLY, Curl.EMPTY_REPLY, Curl.RESET), transcript.events().stream()
                .filter(e -> e.kind() == EventKind.OUTPUT && e.actor().equals("curl")).map(TranscriptEvent::text)
                .filter(t -> t.startsWith("curl: (")).toList());
        List<TranscriptEvent> closes = transcript.events().stream()
                .filter(e -> e.kind() == EventKind.CLOSE && e.actor().equals("Server") && e.conn() != null).toList();
        assertEquals(3, closes.size(), closes.toString());
        assertTrue(closes.get(2).text().contains("reset (RST)"), closes.get(2).toString());
        assertEquals("Server_one_recv.py", closes.get(2).program());
    }

    @Test
    void a_small_buffer_takes_more_reads_for_the_same_requests() {
        Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of("bufferSize", 100));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        assertTrue(serverReads(transcript).size() > 50);
        assertTrue(transcript.output().contains(BIG_BODY));
    }

    @Test
    void a_buffer_size_of_zero_is_rejected_naming_the_parameter() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new CurlDetectiveCase(), Map.of("bufferSize", 0)));

        assertEquals("bufferSize", e.parameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:", ":9090", "localhost:http", "localhost:70000", "::1:9090"})
    void a_target_that_is_not_host_and_port_is_rejected_naming_the_parameter(String target) {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new CurlDetectiveCase(), Map.of("target", target)));

        assertEquals("target", e.parameter());
    }

    /** The student's own server, given as {@code target}: the lab's curl sends it the three requests. */
    @Nested
    class AgainstYourServer {

        @Test
        void a_server_that_reads_each_request_whole_passes_and_gets_curls_exact_bytes() throws Exception {
            try (StudentServer server = new StudentServer(StudentServer.Style.READ_WHOLE)) {
                Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of("target", server.target()));

                assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
                assertEquals(3, server.requests().size());
                assertEquals("GET /test HTTP/1.1\r\nHost: " + server.target() + "\r\nUser-Agent: curl/8.4.0\r\n"
                        + "Accept: */*\r\n\r\n", server.requests().get(0));
                assertTrue(server.requests().get(2).endsWith("\r\n\r\n" + BIG_BODY));
                assertTrue(transcript.events().stream().noneMatch(e -> e.actor().equals("Server")),
                        "the lab's own Server.py does not start");
            }
        }

        @Test
        void a_server_that_reads_once_resets_the_big_request_and_fails() throws Exception {
            try (StudentServer server = new StudentServer(StudentServer.Style.SINGLE_READ)) {
                Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of("target", server.target()));

                assertEquals(Outcome.FAILED, transcript.outcome());
                Check big = transcript.checks().stream().filter(c -> c.name().contains("/bigdata"))
                        .findFirst().orElseThrow();
                assertFalse(big.passed());
                assertEquals(Curl.RESET, big.actual());
            }
        }

        @Test
        void a_server_that_never_closes_leaves_curl_waiting_and_fails() throws Exception {
            try (StudentServer server = new StudentServer(StudentServer.Style.NEVER_CLOSE)) {
                Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(),
                        Map.of("target", server.target(), "replyTimeoutMillis", 200));

                assertEquals(Outcome.FAILED, transcript.outcome());
                assertEquals(3, transcript.output().stream()
                        .filter(line -> line.startsWith("curl: (28) Operation timed out after 200 milliseconds")).count());
            }
        }

        @Test
        void nothing_listening_at_the_target_fails_each_request_with_curls_connect_error() throws Exception {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of("target", "127.0.0.1:" + port));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertEquals(3, transcript.output().stream()
                    .filter(line -> line.startsWith("curl: (7) Failed to connect to 127.0.0.1 port " + port)).count());
        }

        @Test
        void a_remote_target_ends_as_an_error_of_the_target_policy() {
            Transcript transcript = UndisturbedRuns.run(new CurlDetectiveCase(), Map.of("target", "example.com:80"));

            assertEquals(Outcome.ERROR, transcript.outcome());
            assertTrue(transcript.error().contains("not allowed"), transcript.error());
        }
    }

    /** WireMock as the target: a real HTTP server that answers, dribbles, resets or says nothing. */
    @Nested
    class AgainstWireMock {
        private WireMockServer wireMock;

        @BeforeEach
        void start() {
            wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            wireMock.start();
        }

        @AfterEach
        void stop() {
            wireMock.stop();
        }

        private Transcript run() {
            return CaseRunner.run(new CurlDetectiveCase(), Map.of("target", "127.0.0.1:" + wireMock.port()));
        }

        @Test
        void a_server_that_answers_passes_and_receives_curls_requests() {
            wireMock.stubFor(any(anyUrl()).willReturn(ok("Case closed")));

            Transcript transcript = run();

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
            assertEquals(3, transcript.output().stream().filter("Case closed"::equals).count());
            wireMock.verify(postRequestedFor(urlEqualTo("/bigdata"))
                    .withHeader("User-Agent", equalTo("curl/8.4.0"))
                    .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                    .withRequestBody(equalTo(BIG_BODY)));
        }

        @Test
        void a_response_dribbled_in_small_chunks_is_read_whole() {
            String body = "clue ".repeat(200);
            wireMock.stubFor(any(anyUrl()).willReturn(ok(body).withChunkedDribbleDelay(8, 150)));

            Transcript transcript = run();

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
            assertEquals(3, transcript.output().stream().filter(body::equals).count());
        }

        @Test
        void a_large_response_body_is_read_whole() {
            String body = IntStream.range(0, 100).mapToObj(i -> i + ":" + "e".repeat(2000))
                    .collect(Collectors.joining("\n"));
            wireMock.stubFor(any(anyUrl()).willReturn(ok(body)));

            Transcript transcript = run();

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
            assertEquals(3, transcript.output().stream().filter(("99:" + "e".repeat(2000))::equals).count());
        }

        @Test
        void an_empty_reply_is_what_the_handout_expects() {
            wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

            Transcript transcript = run();

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
            assertEquals(3, transcript.output().stream().filter(Curl.EMPTY_REPLY::equals).count());
        }

        @Test
        void a_reset_connection_fails_with_curls_recv_failure() {
            wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            Transcript transcript = run();

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertEquals(3, transcript.output().stream().filter(Curl.RESET::equals).count(),
                    transcript.output().toString());
        }
    }

    /** A student's Server.py, played by the test on 127.0.0.1 port 0 with plain java.net sockets. */
    private static final class StudentServer implements AutoCloseable {
        enum Style { READ_WHOLE, SINGLE_READ, NEVER_CLOSE }

        private final Style style;
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final AtomicReference<IOException> failure = new AtomicReference<>();
        private final Thread thread = new Thread(this::serve, "student-server");

        StudentServer(Style style) throws IOException {
            this.style = style;
            thread.setDaemon(true);
            thread.start();
        }

        String target() {
            return "127.0.0.1:" + listener.getLocalPort();
        }

        List<String> requests() {
            return requests;
        }

        private void serve() {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    socket.setSoTimeout(5_000);
                    requests.add(new String(style == Style.SINGLE_READ ? readOnce(socket.getInputStream())
                            : readWhole(socket.getInputStream()), StandardCharsets.UTF_8));
                    if (style == Style.NEVER_CLOSE) {
                        held.add(socket);
                    } else {
                        // Like CPython on Linux: closing with unread bytes resets the connection. The JDK would
                        // send a FIN first, so ask for the reset (linger 0) exactly when bytes are left.
                        if (socket.getInputStream().available() > 0) {
                            socket.setSoLinger(true, 0);
                        }
                        socket.close();
                    }
                } catch (IOException e) {
                    if (!listener.isClosed()) {
                        failure.set(e);
                    }
                    return;
                }
            }
        }

        private static byte[] readOnce(InputStream in) throws IOException {
            byte[] buffer = new byte[1024];
            int n = in.read(buffer);
            return java.util.Arrays.copyOf(buffer, Math.max(0, n));
        }

        private static byte[] readWhole(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            long complete = -1;
            while (complete < 0 || all.size() < complete) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                all.write(buffer, 0, n);
                int headEnd = HttpMessages.headEnd(all.toByteArray());
                if (headEnd >= 0) {
                    complete = headEnd + HttpRequestReader.contentLength(all.toByteArray(), headEnd);
                }
            }
            return all.toByteArray();
        }

        @Override
        public void close() throws Exception {
            listener.close();
            for (Socket socket : held) {
                socket.close();
            }
            thread.join(5_000);
            if (failure.get() != null) {
                throw new AssertionError("the test's server failed", failure.get());
            }
        }
    }
}
