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
import org.socketlab.cases.LoopbackServer;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ServerPushCaseTest {
    private final ServerPushCase push = new ServerPushCase();

    @Test
    void default_run_passes_and_prints_the_handouts_lines() {
        Transcript transcript = UndisturbedRuns.run(push);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals(List.of("Listening for connections..", "Enter data to be send: cse323",
                "Message from server : cse323"), transcript.output());
    }

    @Test
    void the_client_sends_nothing_and_reads_once_with_1024() {
        Transcript transcript = UndisturbedRuns.run(push);

        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.SEND && e.actor().equals("Client")));
        var recv = transcript.events().stream()
                .filter(e -> e.kind() == EventKind.RECV && e.actor().equals("Client")).findFirst().orElseThrow();
        assertEquals(1024, recv.requested());
        assertEquals(6, recv.size());
    }

    @Test
    void the_message_parameter_changes_what_is_sent_and_printed() {
        Transcript transcript = UndisturbedRuns.run(push, Map.of("message", "hello lab"));

        assertEquals(Outcome.PASSED, transcript.outcome());
        assertTrue(transcript.output().contains("Message from server : hello lab"));
    }

    @Test
    void a_message_longer_than_one_recv_is_cut_and_fails() {
        Transcript transcript = UndisturbedRuns.run(push, Map.of("message", "m".repeat(1500)));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertTrue(transcript.checks().get(0).actual().length() <= 1024);
    }

    @Test
    void target_aims_the_client_at_the_students_server() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(socket -> LoopbackServer.write(socket, "cse323\n"))) {
            Transcript transcript = UndisturbedRuns.run(push, Map.of("target", server.target()));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertEquals(List.of("Message from server : cse323"), transcript.output());
        }
    }

    @Test
    void a_students_server_sending_something_else_fails() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(socket -> LoopbackServer.write(socket, "other"))) {
            Transcript transcript = UndisturbedRuns.run(push, Map.of("target", server.target()));

            assertEquals(Outcome.FAILED, transcript.outcome());
        }
    }

    @Test
    void rejects_a_non_ascii_message_and_a_bad_target() {
        assertTrue(assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(push, Map.of("message", "café"))).getMessage().contains("message"));
        assertTrue(assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(push, Map.of("target", "host:"))).getMessage().contains("target"));
    }
}
