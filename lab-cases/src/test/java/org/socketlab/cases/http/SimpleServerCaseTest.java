package org.socketlab.cases.http;

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
import org.socketlab.cases.LoopbackServer;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SimpleServerCaseTest {
    private final SimpleServerCase simpleServer = new SimpleServerCase();

    @Test
    void default_run_passes_and_prints_what_the_server_received_and_sent() {
        Transcript transcript = UndisturbedRuns.run(simpleServer);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.output().get(0).startsWith("HTTP Server listening on 127.0.0.1:"));
        assertTrue(transcript.output().stream().anyMatch(l -> l.matches("Connected by \\('127\\.0\\.0\\.1', \\d+\\)")));
        assertTrue(transcript.output().stream().anyMatch(l -> l.startsWith("Received: b'GET / HTTP/1.1\\r\\nHost: ")));
        assertTrue(transcript.output().stream().anyMatch(l -> l.matches("Connection from \\('127\\.0\\.0\\.1', \\d+\\)")));
        assertTrue(transcript.output().contains("Sending>>>>>>>"));
        assertTrue(transcript.output().contains("<<<<<<<<"));
        assertTrue(transcript.output().contains("<html>" + SimpleServerCase.PAGE_TEXT + "</html>"));
    }

    @Test
    void the_server_reads_with_one_recv_of_1024_and_the_browser_until_the_close() {
        Transcript transcript = UndisturbedRuns.run(simpleServer);

        var serverRecvs = transcript.events().stream()
                .filter(e -> e.kind() == EventKind.RECV && e.actor().equals("Server")).toList();
        assertEquals(1, serverRecvs.size());
        assertEquals(1024, serverRecvs.get(0).requested());
        var browserRecvs = transcript.events().stream()
                .filter(e -> e.kind() == EventKind.RECV && e.actor().equals("Browser")).toList();
        assertEquals(0, browserRecvs.get(browserRecvs.size() - 1).size(), "the last recv sees the close");
    }

    @Test
    void prints_bytes_as_python_does() {
        assertEquals("b'GET / HTTP/1.1\\r\\n\\r\\n'", SimpleServerCase.pythonBytes("GET / HTTP/1.1\r\n\r\n".getBytes()));
        assertEquals("b\"it's\"", SimpleServerCase.pythonBytes("it's".getBytes()));
        assertEquals("b'\\xc3\\xa9\\\\'", SimpleServerCase.pythonBytes(new byte[] {(byte) 0xc3, (byte) 0xa9, '\\'}));
    }

    @Test
    void target_aims_the_browser_at_the_students_server() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(socket -> {
            LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>Mine</p></html>");
        })) {
            Transcript transcript = UndisturbedRuns.run(simpleServer, Map.of("target", server.target()));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.LISTEN));
        }
    }

    @Test
    void a_students_server_without_a_content_type_fails_a_check() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(socket -> {
            LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\n\r\n<html><p>Mine</p></html>");
        })) {
            Transcript transcript = UndisturbedRuns.run(simpleServer, Map.of("target", server.target()));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertEquals("no Content-Type header", transcript.checks().get(1).actual());
        }
    }

    @Test
    void rejects_a_target_without_a_port() {
        var e = assertThrows(InvalidParamException.class, () -> CaseRunner.run(simpleServer, Map.of("target", "localhost")));
        assertTrue(e.getMessage().contains("target"));
    }
}
