package org.example.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;

// CaseRunner runs a case exactly as Socket Lab does, with real sockets on 127.0.0.1, and returns its transcript.
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EchoCaseTest {

    @Test
    void every_check_of_the_default_run_passes() {
        // requirePassed fails the test with the failed checks, or the exception and the line of the case.
        CaseRunner.requirePassed(new EchoCase(), Map.of());
    }

    @Test
    void the_default_run_echoes_the_message_over_tcp() {
        Transcript transcript = CaseRunner.run(new EchoCase());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.output().contains("Client got back: 'Hello, echo!'"), transcript.output().toString());
    }

    @Test
    void the_server_reads_the_message_in_pieces_of_buffer_size() {
        Transcript transcript = CaseRunner.run(new EchoCase(), Map.of("message", "abcdef", "bufferSize", 2));

        long serverReads = transcript.events().stream()
                .filter(e -> e.kind() == EventKind.RECV && e.actor().equals("Server")).count();
        assertEquals(4, serverReads, "three pieces of 2 bytes, then 0 bytes when the client has finished");
        assertEquals(Outcome.PASSED, transcript.outcome());
    }

    @Test
    void over_udp_a_datagram_longer_than_the_buffer_is_cut_and_the_check_fails() {
        Transcript transcript = CaseRunner.run(new EchoCase(), Map.of("transport", "udp", "bufferSize", 4));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertTrue(transcript.output().contains("Client got back: 'Hell'"), transcript.output().toString());
    }

    @Test
    void over_udp_a_big_enough_buffer_echoes_the_whole_message() {
        Transcript transcript = CaseRunner.run(new EchoCase(), Map.of("transport", "udp", "bufferSize", 64));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
    }

    @Test
    void an_empty_message_is_refused_before_the_run() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new EchoCase(), Map.of("message", "")));

        assertEquals("message", e.parameter());
    }
}
