package org.socketlab.cases.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
class MismatchedPortsCaseTest {
    /** The UDP waits' time-out: long enough that the two waits overlap by far more than a busy machine's lag. */
    private static final int TIMEOUT_MS = 300;
    private final MismatchedPortsCase labCase = new MismatchedPortsCase();

    @Test
    void default_run_passes_showing_a_refusal_for_tcp_and_a_silent_loss_for_udp() {
        Transcript transcript = UndisturbedRuns.run(labCase);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals(List.of("The server is ready to receive",
                "Traceback (most recent call last):",
                "  File \"tcp_client.py\", line 5, in <module>",
                "    clientSocket.connect((serverName,serverPort))",
                "  File \"/usr/lib/python2.7/socket.py\", line 228, in meth",
                "    return getattr(self._sock,name)(*args)",
                "socket.error: [Errno 111] Connection refused",
                "The server is ready to receive",
                "Input lowercase sentence:hello world"), transcript.output());
        assertEquals(4, transcript.checks().size());
    }

    @Test
    void tcp_the_client_is_refused_on_another_port_and_the_server_accepts_nothing() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("protocol", "tcp"));

        TranscriptEvent listen = only(transcript, "TCP server", EventKind.LISTEN);
        TranscriptEvent refused = only(transcript, "TCP client", EventKind.ERROR);
        assertTrue(refused.text().contains("Connection refused"), refused.text());
        assertNotEquals(listen.local(), refused.remote());
        assertTrue(events(transcript, "TCP server", EventKind.ACCEPT).isEmpty());
        assertTrue(transcript.events().stream().noneMatch(e -> e.actor().startsWith("UDP")));
        assertEquals(Outcome.PASSED, transcript.outcome());
    }

    @Test
    void udp_the_send_goes_to_another_port_without_error_and_nobody_receives_it() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("protocol", "udp", "timeoutMs", TIMEOUT_MS));

        TranscriptEvent listen = only(transcript, "UDP server", EventKind.LISTEN);
        TranscriptEvent send = only(transcript, "UDP client", EventKind.SEND);
        assertNotEquals(listen.local(), send.remote());
        assertEquals("hello world", send.text());
        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.RECV), "no recv at all");
        List<TranscriptEvent> errors = transcript.events().stream().filter(e -> e.kind() == EventKind.ERROR).toList();
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.stream().allMatch(e -> e.text().equals("recvfrom timed out after " + TIMEOUT_MS + " ms")),
                errors::toString);
        assertEquals(Outcome.PASSED, transcript.outcome());
        // Both sides wait at the same time: each wait began before either ended. A recvfrom that timed out
        // waited at least the time-out, so it began no later than TIMEOUT_MS before its error; the client's
        // began after its send.
        double serverEnd = only(transcript, "UDP server", EventKind.ERROR).atMs();
        double clientEnd = only(transcript, "UDP client", EventKind.ERROR).atMs();
        double firstEnd = Math.min(serverEnd, clientEnd);
        assertTrue(send.atMs() < firstEnd, "the client sent and began to wait before either wait ended: "
                + errors + ", " + send);
        assertTrue(serverEnd - TIMEOUT_MS < firstEnd && clientEnd - TIMEOUT_MS < firstEnd,
                "both waits began before either ended: " + errors);
    }

    @Test
    void on_the_same_port_both_exchanges_work() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("samePort", true));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.output().contains("From Server: HELLO WORLD"), transcript.output().toString());
        assertTrue(transcript.output().contains("HELLO WORLD"), transcript.output().toString());
        assertEquals(11, only(transcript, "UDP server", EventKind.RECV).size());
        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.ERROR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sctp", "TCP", ""})
    void an_unknown_protocol_is_rejected_naming_the_parameter(String protocol) {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("protocol", protocol)));
        assertEquals("protocol", e.parameter());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 49, 2_001})
    void a_timeout_out_of_range_is_rejected_naming_the_parameter(int timeoutMs) {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("timeoutMs", timeoutMs)));
        assertEquals("timeoutMs", e.parameter());
    }

    private static List<TranscriptEvent> events(Transcript transcript, String actor, EventKind kind) {
        return transcript.events().stream().filter(e -> e.actor().equals(actor) && e.kind() == kind).toList();
    }

    private static TranscriptEvent only(Transcript transcript, String actor, EventKind kind) {
        List<TranscriptEvent> found = events(transcript, actor, kind);
        assertEquals(1, found.size(), () -> actor + " " + kind + " in " + transcript.events());
        return found.get(0);
    }
}
