package org.socketlab.cases.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.socketlab.cases.LoopbackServer;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpClientCliCaseTest {
    private final HttpClientCliCase client = new HttpClientCliCase();
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
        return CaseRunner.run(client, Map.of("host", "127.0.0.1", "port", wireMock.port(), "filename", "page.html"));
    }

    @Test
    void default_run_prints_the_web_servers_response_for_hello_world() {
        Transcript transcript = UndisturbedRuns.run(client);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.output().contains("HTTP/1.1 200 OK"));
        assertTrue(transcript.output().contains(HandoutWebServer.HELLO_PAGE.strip()));
        assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.SEND && e.actor().equals("Client")
                && e.text().startsWith("GET /HelloWorld.html HTTP/1.1\r\n")));
    }

    @Test
    void a_missing_file_prints_404_not_found() {
        Transcript transcript = UndisturbedRuns.run(client, Map.of("filename", "/NoSuchFile.html"));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.output().contains("HTTP/1.1 404 Not Found"));
    }

    @Test
    void host_and_port_aim_the_client_at_another_server() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(socket -> {
            String head = LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok" + head.split(" ")[1]);
        })) {
            Transcript transcript = UndisturbedRuns.run(client,
                    Map.of("host", "127.0.0.1", "port", server.port(), "filename", "x.txt"));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.output().contains("ok/x.txt"));
        }
    }

    @Test
    void a_dribbled_response_is_read_until_the_close() {
        wireMock.stubFor(get(urlEqualTo("/page.html")).willReturn(aResponse().withStatus(200)
                .withBody("<html>" + "d".repeat(3000) + "</html>").withChunkedDribbleDelay(6, 300)));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.events().stream()
                .filter(e -> e.kind() == EventKind.RECV && e.actor().equals("Client") && e.size() > 0).count() > 1);
    }

    @Test
    void a_large_body_is_printed_whole() {
        wireMock.stubFor(get(urlEqualTo("/page.html")).willReturn(aResponse().withStatus(200).withBody("L".repeat(100_000))));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.output().contains("L".repeat(100_000)));
    }

    @Test
    void a_reset_connection_ends_the_run_with_an_error() {
        wireMock.stubFor(get(urlEqualTo("/page.html")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().toLowerCase().contains("reset"), transcript.error());
    }

    @Test
    void an_empty_reply_fails_the_status_line_check() {
        wireMock.stubFor(get(urlEqualTo("/page.html")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        Transcript transcript = runAgainstWireMock();

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertEquals("nothing: the server closed without answering", transcript.checks().get(0).actual());
    }

    @Test
    void rejects_a_filename_with_a_space_and_a_host_with_a_path() {
        assertTrue(assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(client, Map.of("filename", "a b"))).getMessage().contains("filename"));
        assertTrue(assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(client, Map.of("host", "a/b"))).getMessage().contains("host"));
    }
}
