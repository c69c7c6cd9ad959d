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
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.cases.LoopbackServer;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WebServerCaseTest {
    private final WebServerCase webServer = new WebServerCase();

    private static long serverSends(Transcript transcript) {
        return transcript.events().stream()
                .filter(e -> e.kind() == EventKind.SEND && e.actor().equals("Web server")).count();
    }

    @Test
    void default_run_passes_with_the_file_and_a_404() {
        Transcript transcript = UndisturbedRuns.run(webServer);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.output().contains("HTTP/1.1 200 OK"));
        assertTrue(transcript.output().contains(HandoutWebServer.HELLO_PAGE.strip()));
        assertTrue(transcript.output().contains("HTTP/1.1 404 Not Found"));
        assertEquals(3, transcript.output().stream().filter("Ready to serve..."::equals).count());
    }

    @Test
    void the_file_goes_one_character_per_send_unless_switched_off() {
        int fileLength = HandoutWebServer.HELLO_PAGE.length();
        // the 200 head, each character, the closing CRLF; the 404 head and its page
        assertEquals(fileLength + 4, serverSends(UndisturbedRuns.run(webServer)));
        assertEquals(5, serverSends(UndisturbedRuns.run(webServer, Map.of("sendByCharacter", false))));
    }

    @Test
    void a_path_outside_the_folder_is_expected_to_give_404() {
        Transcript transcript = UndisturbedRuns.run(webServer, Map.of("path", "/secret.txt"));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertTrue(transcript.checks().get(0).name().contains("404"));
    }

    @Test
    void target_aims_the_browser_at_the_students_server() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(socket -> {
            String head = LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, head.startsWith("GET /HelloWorld.html ")
                    ? "HTTP/1.1 200 OK\r\n\r\n<html><body>Hi</body></html>"
                    : "HTTP/1.1 404 Not Found\r\n\r\n<html><body>404 Not Found</body></html>");
        })) {
            Transcript transcript = UndisturbedRuns.run(webServer, Map.of("target", server.target()));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        }
    }

    @Test
    void the_browser_reads_to_content_length_from_a_server_that_keeps_the_connection_open() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(socket -> {
            String head = LoopbackServer.readHead(socket);
            String body = head.startsWith("GET /HelloWorld.html ") ? "<html><body>Hi</body></html>"
                    : "<html><body>404 Not Found</body></html>";
            LoopbackServer.write(socket, (head.startsWith("GET /HelloWorld.html ") ? "HTTP/1.1 200 OK"
                    : "HTTP/1.1 404 Not Found") + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            // Keep-alive, as nginx: the connection stays open until the browser closes it.
            socket.getInputStream().read();
        })) {
            Transcript transcript = UndisturbedRuns.run(webServer, Map.of("target", server.target()));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString() + transcript.error());
        }
    }

    @Test
    void a_students_server_that_answers_404_with_status_200_fails() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(socket -> {
            String head = LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\n\r\n" + (head.startsWith("GET /HelloWorld.html ")
                    ? "<html><body>Hi</body></html>" : "<html><body>404 Not Found</body></html>"));
        })) {
            Transcript transcript = UndisturbedRuns.run(webServer, Map.of("target", server.target()));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertFalse(transcript.checks().stream()
                    .filter(c -> c.name().contains("real 404 status line")).findFirst().orElseThrow().passed());
        }
    }

    @Test
    void rejects_a_missing_path_that_is_in_the_folder() {
        var e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(webServer, Map.of("missingPath", "/HelloWorld.html")));
        assertTrue(e.getMessage().contains("missingPath"));
    }

    @Test
    void rejects_a_path_without_a_slash_and_a_bad_target() {
        assertTrue(assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(webServer, Map.of("path", "HelloWorld.html"))).getMessage().contains("path"));
        assertTrue(assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(webServer, Map.of("target", "x:99999"))).getMessage().contains("target"));
    }
}
