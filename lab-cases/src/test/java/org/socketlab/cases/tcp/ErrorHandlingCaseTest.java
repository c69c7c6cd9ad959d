package org.socketlab.cases.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ErrorHandlingCaseTest {
    private final ErrorHandlingCase labCase = new ErrorHandlingCase();

    @Test
    void default_run_passes_and_prints_the_three_handout_messages() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        assertEquals(List.of("Connection refused - is server running?", "Connection timed out", "Invalid hostname"),
                transcript.output());
    }

    @Test
    void a_refused_connect_is_recorded_as_an_error_of_the_connect() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("scenario", "refused"));

        assertEquals(List.of("Connection refused - is server running?"), transcript.output());
        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.CONNECT));
        assertTrue(clientErrors(transcript).get(0).text().contains("refused"), transcript.events().toString());
    }

    @Test
    void the_timeout_is_the_recv_waiting_for_a_reply_that_never_comes() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("scenario", "timeout", "timeoutMs", 150));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        assertEquals(List.of("Connection timed out"), transcript.output());
        assertTrue(transcript.events().stream().anyMatch(e -> e.actor().equals("Client")
                && e.kind() == EventKind.CONNECT), "the connect itself succeeds");
        assertEquals("recv timed out after 150 ms", clientErrors(transcript).get(0).text());
        assertTrue(transcript.durationMs() >= 150, "ran " + transcript.durationMs() + " ms");
    }

    @Test
    void an_invalid_hostname_fails_before_any_packet_is_sent() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("scenario", "hostname"));

        assertEquals(List.of("Invalid hostname"), transcript.output());
        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.SEND
                || e.kind() == EventKind.CONNECT));
    }

    @Test
    void a_host_that_resolves_makes_the_hostname_check_fail() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("scenario", "hostname", "badHost", "localhost"));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertEquals(List.of("Connection refused - is server running?"), transcript.output());
    }

    @Test
    void a_host_the_lab_may_not_reach_is_reported_by_the_generic_except() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("scenario", "hostname", "badHost", "example.com"));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertTrue(transcript.output().get(0).startsWith("Error: host 'example.com' is not allowed"),
                transcript.output().toString());
    }

    @Test
    void rejects_bad_parameters_naming_them() {
        assertEquals("badHost", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("badHost", " "))).parameter());
        assertEquals("timeoutMs", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("timeoutMs", 10))).parameter());
        assertEquals("scenario", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("scenario", "dns"))).parameter());
    }

    private static List<TranscriptEvent> clientErrors(Transcript transcript) {
        return transcript.events().stream()
                .filter(e -> e.actor().equals("Client") && e.kind() == EventKind.ERROR).toList();
    }
}
