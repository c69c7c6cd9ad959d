package org.socketlab.cases.tcp;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.cases.LoopbackServer;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SocketBasicsCaseTest {
    private final SocketBasicsCase basics = new SocketBasicsCase();

    @Test
    void default_run_passes_and_prints_each_step() {
        Transcript transcript = UndisturbedRuns.run(basics);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals("Socket Created", transcript.output().get(0));
        assertTrue(transcript.output().get(1).matches("Socket Connected to 127\\.0\\.0\\.1 on port \\d+"));
        assertTrue(transcript.output().get(2).matches("Failed to connect to port \\d+: \\[Errno 111] Connection refused"));
        assertEquals("Message send successfully", transcript.output().get(3));
        assertEquals("HTTP/1.1 200 OK", transcript.output().get(4));
    }

    @Test
    void sends_the_handouts_message_and_records_the_refused_connect() {
        Transcript transcript = UndisturbedRuns.run(basics);

        assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.SEND && e.actor().equals("Client")
                && "GET / HTTP/1.1\r\n\r\n".equals(e.text()) && e.size() == 18));
        assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.ERROR && e.actor().equals("Client")
                && e.text().contains("refused")));
    }

    @Test
    void a_closed_port_that_is_open_fails_the_check() throws Exception {
        try (LoopbackServer open = LoopbackServer.start(socket -> { })) {
            Transcript transcript = UndisturbedRuns.run(basics, Map.of("closedPort", open.port()));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertFalse(transcript.checks().get(0).passed());
        }
    }

    @Test
    void host_and_port_aim_at_another_web_server() {
        WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        try {
            wireMock.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("main page")));

            Transcript transcript = UndisturbedRuns.run(basics, Map.of("host", "127.0.0.1", "port", wireMock.port()));

            // Jetty, like nginx, refuses an HTTP/1.1 request without Host (RFC 9112 §3.2): the status is checked.
            assertEquals(Outcome.FAILED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.output().contains("Socket Connected to 127.0.0.1 on port " + wireMock.port()));
            assertEquals("HTTP/1.1 400 Bad Request", transcript.checks().get(1).actual());
            assertTrue(transcript.events().stream().anyMatch(e -> e.text() != null && e.text().contains("RFC 9112")));
        } finally {
            wireMock.stop();
        }
    }

    @Test
    void a_server_that_answers_200_passes() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(socket -> {
            LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        })) {
            Transcript transcript = UndisturbedRuns.run(basics, Map.of("host", "localhost", "port", server.port()));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        }
    }

    @Test
    void a_server_that_answers_nothing_fails() throws Exception {
        try (LoopbackServer silent = LoopbackServer.start(LoopbackServer::readHead)) {
            Transcript transcript = UndisturbedRuns.run(basics, Map.of("host", "localhost", "port", silent.port()));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertEquals("nothing", transcript.checks().get(1).actual());
        }
    }

    @Test
    void rejects_a_host_with_a_space() {
        var e = assertThrows(InvalidParamException.class, () -> CaseRunner.run(basics, Map.of("host", "a b")));
        assertTrue(e.getMessage().contains("host"));
    }
}
