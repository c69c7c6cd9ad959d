package org.socketlab.cases.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.cases.LoopbackServer;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpManualClientCaseTest {
    private final HttpManualClientCase labCase = new HttpManualClientCase();
    private WireMockServer wireMock;

    @BeforeEach
    void startWireMock() {
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
    }

    @AfterEach
    void stopWireMock() {
        wireMock.stop();
    }

    @Test
    void default_run_passes_and_prints_the_raw_200_response_read_until_close() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        List<String> output = transcript.output();
        assertTrue(output.get(0).startsWith("Connected to localhost:"), output.get(0));
        assertEquals(List.of("Sent HTTP request:", "GET / HTTP/1.1", "Host: localhost", "Connection: close", "", ""),
                output.subList(1, 7));
        int received = output.indexOf("Received HTTP response:");
        assertEquals("HTTP/1.1 200 OK", output.get(received + 1));
        assertTrue(output.contains("<h1>It works!</h1>"));
        List<TranscriptEvent> recvs = clientRecvs(transcript);
        recvs.forEach(recv -> assertEquals(4096, recv.requested()));
        assertEquals(0, recvs.get(recvs.size() - 1).size(), "the loop ends on the server's close");
    }

    @Test
    void the_client_sends_exactly_the_handouts_request() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of());

        TranscriptEvent send = transcript.events().stream()
                .filter(e -> e.actor().equals("Client") && e.kind() == EventKind.SEND).findFirst().orElseThrow();
        assertEquals("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", send.text());
    }

    @Test
    void a_missing_path_gets_the_stand_ins_404() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("path", "/nope.html"));

        assertTrue(transcript.output().contains("HTTP/1.1 404 Not Found"), transcript.output().toString());
    }

    @Test
    void rejects_a_path_that_would_break_the_request_line() {
        assertEquals("path", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("path", "index.html"))).parameter());
        assertEquals("path", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("path", "/a b"))).parameter());
        assertEquals("port", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("port", 0))).parameter());
    }

    @Test
    void host_and_port_aim_the_client_at_another_server() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((socket, count) -> {
            String head = LoopbackServer.readHead(socket);
            String body = head.contains("Host: localhost:" + socket.getLocalPort()) ? "host ok" : "wrong host";
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        })) {
            Transcript transcript = UndisturbedRuns.run(labCase, Map.of("host", "localhost", "port", server.port()));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.output().contains("host ok"), transcript.output().toString());
        }
    }

    @Test
    void reads_a_wiremock_page_and_sends_it_the_handouts_headers() {
        wireMock.stubFor(get("/").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>from WireMock</body></html>")));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        assertTrue(transcript.output().contains("HTTP/1.1 200 OK"), transcript.output().toString());
        assertTrue(String.join("\n", transcript.output()).contains("from WireMock"));
        wireMock.verify(getRequestedFor(urlEqualTo("/")).withHeader("Connection",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("close")));
    }

    @Test
    void a_response_dribbled_in_small_chunks_arrives_in_several_recvs_and_whole() {
        String body = "<html><body>" + "slow ".repeat(40) + "END</body></html>";
        wireMock.stubFor(get("/").willReturn(aResponse().withStatus(200).withBody(body)
                .withChunkedDribbleDelay(5, 300)));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        long dataRecvs = clientRecvs(transcript).stream().filter(e -> e.size() > 0).count();
        assertTrue(dataRecvs > 1, "expected the response over several recvs, got " + dataRecvs);
        assertTrue(String.join("\n", transcript.output()).contains("END</body></html>"));
    }

    @Test
    void a_large_body_is_read_to_the_end_by_the_loop() {
        String body = "x".repeat(200_000) + "THE-END";
        wireMock.stubFor(get("/").willReturn(aResponse().withStatus(200).withBody(body)));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        List<TranscriptEvent> recvs = clientRecvs(transcript);
        assertTrue(recvs.size() > 200_000 / 4096, "4096 bytes at most per recv: " + recvs.size() + " recvs");
        recvs.forEach(recv -> assertTrue(recv.size() <= 4096));
        assertTrue(String.join("", transcript.output()).contains("THE-END"));
    }

    @Test
    void a_reset_connection_ends_the_run_with_a_clear_error() {
        wireMock.stubFor(get("/").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertNotNull(transcript.error());
        assertTrue(transcript.error().toLowerCase(Locale.ROOT).contains("reset"), transcript.error());
        assertTrue(transcript.events().stream().anyMatch(e -> e.actor().equals("Client")
                && e.kind() == EventKind.ERROR), transcript.events().toString());
        assertFalse(transcript.output().contains("Received HTTP response:"), "the program stopped at the recv");
    }

    @Test
    void an_empty_reply_fails_the_status_line_check() {
        wireMock.stubFor(get("/").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.FAILED, transcript.outcome());
        Check statusLine = transcript.checks().get(0);
        assertFalse(statusLine.passed());
        assertTrue(statusLine.actual().contains("closed without answering"), statusLine.actual());
        assertEquals(List.of(0), clientRecvs(transcript).stream().map(TranscriptEvent::size).toList());
    }

    private Transcript runAgainstWireMock() {
        return CaseRunner.run(labCase, Map.of("host", "127.0.0.1", "port", wireMock.port()));
    }

    private static List<TranscriptEvent> clientRecvs(Transcript transcript) {
        return transcript.events().stream()
                .filter(e -> e.actor().equals("Client") && e.kind() == EventKind.RECV).toList();
    }
}
