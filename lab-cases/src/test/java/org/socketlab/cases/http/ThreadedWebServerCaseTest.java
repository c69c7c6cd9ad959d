package org.socketlab.cases.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.cases.LoopbackServer;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ThreadedWebServerCaseTest {
    private final ThreadedWebServerCase threadedServer = new ThreadedWebServerCase();

    private static Check parallelism(Transcript transcript) {
        return transcript.checks().stream().filter(c -> c.name().contains("served")).findFirst().orElseThrow();
    }

    private static LoopbackServer studentServer(boolean threaded) throws Exception {
        return LoopbackServer.start(socket -> {
            LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\n\r\n<html>Hello</html>");
        }, threaded);
    }

    @Test
    void default_run_serves_three_clients_at_once() {
        Transcript transcript = UndisturbedRuns.run(threadedServer);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(parallelism(transcript).actual().startsWith("3 of 3 served while another was"),
                parallelism(transcript).actual());
        for (int i = 1; i <= 3; i++) {
            String client = "Client " + i + ": HTTP/1.1 200 OK after ";
            assertTrue(transcript.output().stream().anyMatch(l -> l.startsWith(client)), transcript.output().toString());
        }
        assertTrue(transcript.output().stream().anyMatch(l -> l.matches("All 3 clients served in \\d+ ms")));
    }

    @Test
    void the_single_threaded_server_takes_about_n_times_as_long_and_fails() {
        Transcript transcript = UndisturbedRuns.run(threadedServer, Map.of("threaded", false));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertFalse(parallelism(transcript).passed());
        assertTrue(parallelism(transcript).actual().startsWith("0 of 3 served while another was, at most 1 at once"),
                parallelism(transcript).actual());
        assertTrue(transcript.durationMs() >= 3 * 150, "three requests one after another: " + transcript.durationMs());
    }

    @Test
    void one_at_a_time_with_more_work_than_the_time_outs_ends_in_a_failed_check_not_an_error() {
        Transcript transcript = UndisturbedRuns.run(threadedServer, Map.of("threaded", false, "clients", 10,
                "delayMillis", 1000));

        assertEquals(Outcome.FAILED, transcript.outcome(), transcript.error());
        assertTrue(transcript.output().stream().anyMatch(line -> line.matches("Client \\d+: no response after \\d+ ms")),
                transcript.output().toString());
        // The clients start together, so the first one accepted is whichever connected first, not always Client 1.
        Integer firstAccepted = transcript.events().stream()
                .filter(e -> e.actor().equals("Web server") && e.kind() == EventKind.ACCEPT)
                .findFirst().orElseThrow().conn();
        String firstClient = transcript.events().stream()
                .filter(e -> e.kind() == EventKind.CONNECT && firstAccepted.equals(e.conn()))
                .findFirst().orElseThrow().actor();
        assertTrue(transcript.output().stream()
                        .anyMatch(line -> line.startsWith(firstClient + ": HTTP/1.1 200 OK after ")),
                "the first client accepted, " + firstClient + ", is served: " + transcript.output());
    }

    @Test
    void target_passes_for_a_threaded_students_server() throws Exception {
        try (LoopbackServer server = studentServer(true)) {
            // A long silence, so that a busy machine still answers the others within it.
            Transcript transcript = UndisturbedRuns.run(threadedServer, Map.of("target", server.target(),
                    "delayMillis", 500));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.output().stream().anyMatch(l -> l.startsWith("Slow client: connected")));
            assertTrue(parallelism(transcript).actual().startsWith("3 of 3 answered before it"),
                    parallelism(transcript).actual());
        }
    }

    @Test
    void target_fails_for_a_single_threaded_students_server() throws Exception {
        try (LoopbackServer server = studentServer(false)) {
            Transcript transcript = UndisturbedRuns.run(threadedServer, Map.of("target", server.target()));

            assertEquals(Outcome.FAILED, transcript.outcome(), transcript.checks().toString());
            assertFalse(parallelism(transcript).passed());
            assertTrue(parallelism(transcript).actual().startsWith("0 of 3 answered before it"),
                    parallelism(transcript).actual());
        }
    }

    @Test
    void rejects_a_single_client_and_a_bad_target() {
        assertTrue(assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(threadedServer, Map.of("clients", 1))).getMessage().contains("clients"));
        assertTrue(assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(threadedServer, Map.of("target", "nope"))).getMessage().contains("target"));
    }
}
