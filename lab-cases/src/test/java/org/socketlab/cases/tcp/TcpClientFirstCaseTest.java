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

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TcpClientFirstCaseTest {
    private final TcpClientFirstCase labCase = new TcpClientFirstCase();

    @Test
    void default_run_passes_because_the_clients_connect_is_refused() {
        Transcript transcript = UndisturbedRuns.run(labCase);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals(List.of("Traceback (most recent call last):",
                "  File \"tcp_client.py\", line 5, in <module>",
                "    clientSocket.connect((serverName,serverPort))",
                "  File \"/usr/lib/python2.7/socket.py\", line 228, in meth",
                "    return getattr(self._sock,name)(*args)",
                "socket.error: [Errno 111] Connection refused",
                "The server is ready to receive"), transcript.output());
        assertEquals("Connection refused", transcript.checks().get(0).actual());
    }

    @Test
    void python_3_words_the_refusal_as_connection_refused_error() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("python", "3"));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals(List.of("Traceback (most recent call last):",
                "  File \"tcp_client.py\", line 5, in <module>",
                "    clientSocket.connect((serverName,serverPort))",
                "ConnectionRefusedError: [Errno 111] Connection refused",
                "The server is ready to receive"), transcript.output());
    }

    @Test
    void the_refusal_is_a_recorded_error_and_the_server_listens_only_afterwards_on_that_port() {
        Transcript transcript = UndisturbedRuns.run(labCase);

        List<TranscriptEvent> events = transcript.events();
        int error = indexOf(events, "Client", EventKind.ERROR);
        int listen = indexOf(events, "Server", EventKind.LISTEN);
        assertTrue(events.get(error).text().contains("Connection refused"), events.get(error).text());
        assertTrue(error < listen, "the server listens after the refusal");
        assertEquals(events.get(error).remote(), events.get(listen).local(), "the same port");
        assertEquals(-1, indexOf(events, "Server", EventKind.ACCEPT));
        assertEquals(-1, indexOf(events, "Client", EventKind.SEND));
        assertTrue(events.stream().anyMatch(e -> e.kind() == EventKind.NOTE && e.text().contains("listening")),
                "the explanation is a note");
    }

    @Test
    void with_the_server_first_the_client_connects_and_prints_the_reply() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("serverFirst", true));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals(List.of("The server is ready to receive", "Input lowercase sentence:hello world",
                "From Server: HELLO WORLD"), transcript.output());
        assertEquals(-1, indexOf(transcript.events(), "Client", EventKind.ERROR));
        assertTrue(indexOf(transcript.events(), "Server", EventKind.LISTEN)
                < indexOf(transcript.events(), "Client", EventKind.CONNECT));
    }

    @Test
    void an_empty_message_is_rejected_naming_the_parameter() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("message", "")));
        assertEquals("message", e.parameter());
    }

    @Test
    void a_server_first_value_that_is_not_a_boolean_is_rejected_naming_the_parameter() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("serverFirst", "maybe")));
        assertEquals("serverFirst", e.parameter());
    }

    private static int indexOf(List<TranscriptEvent> events, String actor, EventKind kind) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).actor().equals(actor) && events.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }
}
