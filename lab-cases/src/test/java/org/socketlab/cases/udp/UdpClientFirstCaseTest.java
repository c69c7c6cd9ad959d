package org.socketlab.cases.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UdpClientFirstCaseTest {
    private final UdpClientFirstCase labCase = new UdpClientFirstCase();

    @Test
    void default_run_passes_the_send_succeeds_and_the_datagram_is_lost() {
        Transcript transcript = UndisturbedRuns.run(labCase);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals(List.of("Input lowercase sentence:hello world", "The server is ready to receive"),
                transcript.output());
        TranscriptEvent send = only(transcript, "Client", EventKind.SEND);
        assertEquals(11, send.size());
        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.RECV), "no recv anywhere");
        // What ends both waits is the case's short recvfrom time-out (300 ms by default), one each.
        List<TranscriptEvent> errors = transcript.events().stream().filter(e -> e.kind() == EventKind.ERROR).toList();
        assertEquals(List.of("Client", "Server"), errors.stream().map(TranscriptEvent::actor).toList());
        assertTrue(errors.stream().allMatch(e -> e.text().equals("recvfrom timed out after 300 ms")), errors::toString);
    }

    @Test
    void the_only_errors_are_the_recvfrom_time_outs_and_the_late_server_binds_the_port_the_client_used() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("timeoutMs", 100));

        List<TranscriptEvent> events = transcript.events();
        List<TranscriptEvent> errors = events.stream().filter(e -> e.kind() == EventKind.ERROR).toList();
        assertEquals(List.of("Client", "Server"), errors.stream().map(TranscriptEvent::actor).toList());
        assertTrue(errors.stream().allMatch(e -> e.text().equals("recvfrom timed out after 100 ms")), errors::toString);
        TranscriptEvent send = only(transcript, "Client", EventKind.SEND);
        TranscriptEvent listen = only(transcript, "Server", EventKind.LISTEN);
        assertEquals(send.remote(), listen.local());
        assertTrue(events.indexOf(send) < events.indexOf(listen), "the server starts after the send");
    }

    @Test
    void with_the_server_first_the_client_prints_the_reply() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("serverFirst", true));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals(List.of("The server is ready to receive", "Input lowercase sentence:hello world", "HELLO WORLD"),
                transcript.output());
        assertEquals("hello world", only(transcript, "Server", EventKind.RECV).text());
        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.ERROR));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 49, 2_001})
    void a_timeout_out_of_range_is_rejected_naming_the_parameter(int timeoutMs) {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("timeoutMs", timeoutMs)));
        assertEquals("timeoutMs", e.parameter());
    }

    @Test
    void an_empty_message_is_rejected_naming_the_parameter() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("message", "")));
        assertEquals("message", e.parameter());
    }

    private static TranscriptEvent only(Transcript transcript, String actor, EventKind kind) {
        List<TranscriptEvent> found = transcript.events().stream()
                .filter(e -> e.actor().equals(actor) && e.kind() == kind).toList();
        assertEquals(1, found.size(), () -> actor + " " + kind + " in " + transcript.events());
        return found.get(0);
    }
}
