package org.socketlab.cases.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
class TcpCounterCaseTest {
    private final TcpCounterCase labCase = new TcpCounterCase();

    @Test
    void default_run_passes_and_prints_the_counter_lines() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        List<String> output = transcript.output();
        for (int n = 1; n <= 3; n++) {
            assertTrue(output.contains("Received: Hello! You are connection #" + n), output.toString());
            int count = n;
            assertTrue(output.stream().anyMatch(line -> line.matches("Connection #" + count
                    + " from \\('127\\.0\\.0\\.1', \\d+\\)")), output.toString());
        }
        assertTrue(output.get(0).startsWith("TCP Server listening on 127.0.0.1:"), output.get(0));
        assertEquals(3, output.stream().filter("Received: Hello from client!"::equals).count());
    }

    @Test
    void each_client_run_is_a_new_connection_to_one_listening_socket() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of());

        assertEquals(1, count(transcript, "Server", EventKind.LISTEN));
        assertEquals(3, count(transcript, "Server", EventKind.ACCEPT));
        // By conn, not by client port: the system may give a later run the port an earlier one closed.
        List<Integer> connects = transcript.events().stream()
                .filter(e -> e.actor().equals("Client") && e.kind() == EventKind.CONNECT)
                .map(TranscriptEvent::conn).distinct().toList();
        assertEquals(3, connects.size(), connects.toString());
        List<Integer> accepts = transcript.events().stream()
                .filter(e -> e.actor().equals("Server") && e.kind() == EventKind.ACCEPT)
                .map(TranscriptEvent::conn).toList();
        assertEquals(Set.copyOf(connects), Set.copyOf(accepts), "each connect is one accepted connection");
    }

    @Test
    void the_server_reads_each_message_with_one_recv_of_1024_bytes() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("message", "hi"));

        List<TranscriptEvent> recvs = transcript.events().stream()
                .filter(e -> e.actor().equals("Server") && e.kind() == EventKind.RECV).toList();
        assertEquals(3, recvs.size());
        recvs.forEach(recv -> {
            assertEquals(1024, recv.requested());
            assertEquals(2, recv.size());
        });
    }

    @Test
    void more_clients_keep_the_counter_climbing() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("clients", 5));

        assertEquals(Outcome.PASSED, transcript.outcome());
        assertTrue(transcript.output().contains("Received: Hello! You are connection #5"));
    }

    @Test
    void rejects_an_empty_or_too_long_message_naming_the_parameter() {
        assertEquals("message", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("message", ""))).parameter());
        assertEquals("message", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("message", "x".repeat(1025)))).parameter());
    }

    @Test
    void rejects_a_bad_target_and_a_bad_client_count() {
        assertEquals("target", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("target", "no-port"))).parameter());
        assertEquals("clients", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("clients", 0))).parameter());
    }

    @Test
    void target_checks_a_student_server_that_had_already_counted_connections() throws Exception {
        try (LoopbackServer student = LoopbackServer.start((socket, count) -> {
            LoopbackServer.readOnce(socket);
            LoopbackServer.write(socket, "Hello! You are connection #" + (count + 6));
        })) {
            Transcript transcript = UndisturbedRuns.run(labCase, Map.of("target", student.target()));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.output().contains("Received: Hello! You are connection #9"));
            assertEquals(0, count(transcript, "Server", EventKind.LISTEN), "no reference server with a target");
            assertNull(student.failure());
        }
    }

    @Test
    void target_fails_a_student_server_whose_counter_does_not_count() throws Exception {
        try (LoopbackServer student = LoopbackServer.start((socket, count) -> {
            LoopbackServer.readOnce(socket);
            LoopbackServer.write(socket, "Hello! You are connection #1");
        })) {
            Transcript transcript = UndisturbedRuns.run(labCase, Map.of("target", student.target()));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertTrue(transcript.checks().stream().anyMatch(c -> !c.passed()
                    && c.expected().equals("Hello! You are connection #2")), transcript.checks().toString());
        }
    }

    private static long count(Transcript transcript, String actor, EventKind kind) {
        return transcript.events().stream().filter(e -> e.actor().equals(actor) && e.kind() == kind).count();
    }
}
