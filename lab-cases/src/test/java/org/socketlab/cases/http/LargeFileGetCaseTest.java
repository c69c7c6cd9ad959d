package org.socketlab.cases.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
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
import org.socketlab.api.RunOptions;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.cases.LoopbackServer;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LargeFileGetCaseTest {
    private static final String PATH = "/wireshark-labs/HTTP-wireshark-file3.html";
    private final LargeFileGetCase largeGet = new LargeFileGetCase();
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

    private Transcript runAgainstWireMock(Map<String, Object> extra) {
        // WireMock keeps connections alive: the loop, which ends at the close, needs the server to close.
        Map<String, Object> params = new HashMap<>(Map.of("host", "127.0.0.1", "port", wireMock.port(),
                "connectionClose", true));
        params.putAll(extra);
        return CaseRunner.run(largeGet, params);
    }

    private static Check check(Transcript transcript, String name) {
        return transcript.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static long clientRecvsWithData(Transcript transcript) {
        return transcript.events().stream()
                .filter(e -> e.kind() == EventKind.RECV && e.actor().equals("Client") && e.size() > 0).count();
    }

    @Test
    void default_run_passes_and_prints_the_total_length() {
        Transcript transcript = UndisturbedRuns.run(largeGet);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.output().stream().anyMatch(line -> line.equals("[RECV] - total length: 4805")),
                transcript.output().subList(0, 8).toString());
        assertTrue(check(transcript, "One recv alone would have truncated it").passed());
    }

    @Test
    void default_run_needs_several_reads_each_at_most_the_buffer_size() {
        Transcript transcript = UndisturbedRuns.run(largeGet);

        assertTrue(clientRecvsWithData(transcript) >= 5, "a 4805-byte response takes at least 5 reads of 1024 bytes");
        assertTrue(transcript.events().stream().filter(e -> e.kind() == EventKind.RECV && e.actor().equals("Client"))
                .allMatch(e -> e.requested() == 1024 && e.size() <= 1024));
    }

    @Test
    void a_single_recv_truncates_the_page_and_fails() {
        Transcript transcript = UndisturbedRuns.run(largeGet, Map.of("readUntilClosed", false));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertTrue(transcript.output().contains("[RECV] - length: 1024"), transcript.output().subList(0, 8).toString());
        assertFalse(check(transcript, "The whole page arrived").passed());
        assertEquals(1, clientRecvsWithData(transcript));
    }

    @Test
    void host_and_port_aim_the_client_at_another_server() throws Exception {
        String body = "z".repeat(20_000);
        try (LoopbackServer server = LoopbackServer.start(socket -> {
            LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        })) {
            Transcript transcript = UndisturbedRuns.run(largeGet,
                    Map.of("host", "localhost", "port", server.port(), "path", "/big"));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.output().contains("Host:localhost"));
        }
    }

    @Test
    void a_dribbled_response_is_read_whole_by_the_loop() {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody("<html>" + "x".repeat(8000) + "</html>").withChunkedDribbleDelay(8, 300)));

        Transcript transcript = runAgainstWireMock(Map.of());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(clientRecvsWithData(transcript) > 1);
    }

    @Test
    void a_large_body_is_read_whole_by_the_loop() {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("y".repeat(200_000))));

        Transcript transcript = runAgainstWireMock(Map.of("bufferSize", 65_536));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
    }

    @Test
    void a_reset_connection_ends_the_run_with_an_error() {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Transcript transcript = runAgainstWireMock(Map.of());

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().toLowerCase().contains("reset"), transcript.error());
        assertTrue(transcript.events().stream().map(TranscriptEvent::kind).anyMatch(EventKind.ERROR::equals));
    }

    @Test
    void an_empty_reply_shows_total_length_0_and_fails() {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        Transcript transcript = runAgainstWireMock(Map.of());

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertTrue(transcript.output().contains("[RECV] - total length: 0"));
    }

    @Test
    void without_connection_close_a_keep_alive_server_makes_the_loop_time_out() {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("short")));
        Map<String, Object> params = Map.of("host", "127.0.0.1", "port", wireMock.port(), "connectionClose", false);

        Transcript transcript = UndisturbedRuns.run(largeGet, params,
                RunOptions.defaults().withIoTimeout(Duration.ofMillis(500)));

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().contains("timed out"), transcript.error());
    }

    @Test
    void rejects_a_path_with_a_space() {
        var e = assertThrows(InvalidParamException.class, () -> CaseRunner.run(largeGet, Map.of("path", "/a b")));
        assertTrue(e.getMessage().contains("path"));
    }
}
