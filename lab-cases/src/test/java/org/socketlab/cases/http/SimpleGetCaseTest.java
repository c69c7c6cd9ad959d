package org.socketlab.cases.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.cases.LoopbackServer;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimpleGetCaseTest {
    private static final String PATH = "/wireshark-labs/INTRO-wireshark-file1.html";
    private final SimpleGetCase simpleGet = new SimpleGetCase();
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

    private Transcript runAgainstWireMock() {
        return CaseRunner.run(simpleGet, Map.of("host", "127.0.0.1", "port", wireMock.port()));
    }

    @Test
    void default_run_passes_and_prints_the_length_and_the_whole_small_page() {
        Transcript transcript = UndisturbedRuns.run(simpleGet);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.output().contains("Request: GET " + PATH + " HTTP/1.1"));
        assertTrue(transcript.output().contains("Host:gaia.cs.umass.edu"));
        assertTrue(transcript.output().contains("[RECV] - length: 382"), transcript.output().toString());
        assertTrue(transcript.output().contains("Congratulations!  You've downloaded the first Wireshark lab file!"));
    }

    @Test
    void default_run_reads_the_response_with_one_recv_of_4096_bytes() {
        Transcript transcript = UndisturbedRuns.run(simpleGet);

        var recvs = transcript.events().stream()
                .filter(e -> e.kind() == EventKind.RECV && e.actor().equals("Client")).toList();
        assertEquals(1, recvs.size());
        assertEquals(4096, recvs.get(0).requested());
        assertEquals(382, recvs.get(0).size());
    }

    @Test
    void a_small_buffer_truncates_the_response_and_fails_the_check() {
        Transcript transcript = UndisturbedRuns.run(simpleGet, Map.of("bufferSize", 100));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertTrue(transcript.output().contains("[RECV] - length: 100"));
        assertFalse(transcript.checks().stream()
                .filter(c -> c.name().equals("One recv held the whole response")).findFirst().orElseThrow().passed());
    }

    @Test
    void a_missing_page_gives_a_404_and_a_failed_check() {
        Transcript transcript = UndisturbedRuns.run(simpleGet, Map.of("path", "/nope.html"));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertTrue(transcript.output().contains("HTTP/1.1 404 Not Found"));
    }

    @Test
    void host_and_port_aim_the_client_at_another_server() throws Exception {
        String page = "<html>hello</html>";
        try (LoopbackServer server = LoopbackServer.start(socket -> {
            String head = LoopbackServer.readHead(socket);
            if (head.startsWith("GET /here HTTP/1.1\r\nHost:127.0.0.1\r\n")) {
                LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: " + page.length() + "\r\n\r\n" + page);
            }
        })) {
            Transcript transcript = UndisturbedRuns.run(simpleGet,
                    Map.of("host", "127.0.0.1", "port", server.port(), "path", "/here"));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.output().contains(page));
        }
    }

    @Test
    void a_dribbled_response_is_cut_by_the_single_recv() {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody("<html>" + "x".repeat(2000) + "</html>").withChunkedDribbleDelay(5, 300)));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.FAILED, transcript.outcome(), transcript.checks().toString());
        assertFalse(transcript.checks().stream()
                .filter(c -> c.name().equals("One recv held the whole response")).findFirst().orElseThrow().passed());
    }

    @Test
    void a_large_body_does_not_fit_in_one_recv() {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("y".repeat(100_000))));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertTrue(transcript.output().stream().anyMatch(line -> line.matches("\\[RECV] - length: \\d+")));
    }

    @Test
    void a_reset_connection_ends_the_run_with_an_error() {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().toLowerCase().contains("reset"), transcript.error());
        assertTrue(transcript.events().stream().map(TranscriptEvent::kind).anyMatch(EventKind.ERROR::equals));
    }

    @Test
    void an_empty_reply_shows_length_0_and_fails() {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertTrue(transcript.output().contains("[RECV] - length: 0"));
        assertEquals("nothing (the server closed without answering)", transcript.checks().get(0).actual());
    }

    @Test
    void rejects_a_path_without_a_leading_slash() {
        var e = assertThrows(InvalidParamException.class, () -> CaseRunner.run(simpleGet, Map.of("path", "index.html")));
        assertTrue(e.getMessage().contains("path"));
    }

    @Test
    void rejects_a_url_as_host() {
        var e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(simpleGet, Map.of("host", "http://example.com/")));
        assertTrue(e.getMessage().contains("host"));
    }
}
