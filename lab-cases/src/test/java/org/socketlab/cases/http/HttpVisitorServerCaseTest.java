package org.socketlab.cases.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
class HttpVisitorServerCaseTest {
    private final HttpVisitorServerCase labCase = new HttpVisitorServerCase();

    @Test
    void default_run_passes_and_the_visitor_number_counts_up() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        List<String> output = transcript.output();
        assertTrue(output.get(0).startsWith("HTTP Server running on http://127.0.0.1:"), output.get(0));
        for (int n = 1; n <= 3; n++) {
            assertTrue(output.contains("Browser shows: You are visitor #" + n), output.toString());
            int count = n;
            assertTrue(output.stream().anyMatch(line -> line.matches(
                    "Request #" + count + " from \\('127\\.0\\.0\\.1', \\d+\\)")), output.toString());
        }
        assertEquals(3, output.stream().filter("GET / HTTP/1.1"::equals).count());
    }

    @Test
    void the_served_html_holds_the_handouts_page_with_the_counter() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of());

        List<TranscriptEvent> sends = transcript.events().stream()
                .filter(e -> e.actor().equals("HTTP server") && e.kind() == EventKind.SEND).toList();
        assertEquals(3, sends.size());
        for (int i = 0; i < sends.size(); i++) {
            String response = sends.get(i).text();
            assertTrue(response.startsWith("HTTP/1.1 200 OK\nContent-Type: text/html\nConnection: close\n\n"),
                    "the handout's bare-LF head: " + response);
            Document page = Jsoup.parse(response.substring(response.indexOf("\n\n") + 2));
            assertEquals("Socket Server", page.title());
            assertEquals("Hello from a Socket!", page.selectFirst("h1").text());
            assertEquals("You are visitor #" + (i + 1), page.selectFirst("strong").text());
        }
    }

    @Test
    void more_visits_keep_the_counter_climbing() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("visits", 6));

        assertEquals(Outcome.PASSED, transcript.outcome());
        assertTrue(transcript.output().contains("Browser shows: You are visitor #6"));
    }

    @Test
    void rejects_a_bad_target_and_a_bad_visit_count() {
        assertEquals("target", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("target", "localhost"))).parameter());
        assertEquals("visits", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("visits", 0))).parameter());
    }

    @Test
    void target_checks_a_student_server_that_already_had_visitors() throws Exception {
        try (LoopbackServer student = LoopbackServer.start((socket, count) -> {
            LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                    + "<p>Welcome! <b>You are visitor #" + (count + 41) + "</b></p>");
        })) {
            Transcript transcript = UndisturbedRuns.run(labCase, Map.of("target", student.target()));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.output().contains("Browser shows: You are visitor #44"));
        }
    }

    @Test
    void target_fails_a_student_server_whose_counter_is_stuck() throws Exception {
        try (LoopbackServer student = LoopbackServer.start((socket, count) -> {
            LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\n\r\n<p>You are visitor #1</p>");
        })) {
            Transcript transcript = UndisturbedRuns.run(labCase, Map.of("target", student.target(), "visits", 2));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertTrue(transcript.checks().stream().anyMatch(c -> !c.passed()
                    && c.expected().equals("You are visitor #2") && c.actual().equals("You are visitor #1")));
        }
    }

    @Test
    void target_fails_a_student_server_that_does_not_answer_200() throws Exception {
        try (LoopbackServer student = LoopbackServer.start((socket, count) -> {
            LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 500 Internal Server Error\r\n\r\n");
        })) {
            Transcript transcript = UndisturbedRuns.run(labCase, Map.of("target", student.target(), "visits", 1));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertTrue(transcript.output().contains("Browser shows: (no visitor number)"));
        }
    }
}
