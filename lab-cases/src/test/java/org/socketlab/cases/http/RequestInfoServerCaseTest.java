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
import org.socketlab.cases.LoopbackServer;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RequestInfoServerCaseTest {
    private final RequestInfoServerCase labCase = new RequestInfoServerCase();

    @Test
    void default_run_passes_with_info_pages_and_a_404() {
        Transcript transcript = CaseRunner.run(labCase, Map.of());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        List<String> output = transcript.output();
        for (String path : List.of("/", "/hello", "/about")) {
            assertTrue(output.contains("GET " + path + " -> HTTP/1.1 200 OK"), output.toString());
            assertTrue(output.contains("Browser shows: Request Info Method: GET Path: " + path
                    + " Browser: Mozilla/5.0"), output.toString());
        }
        assertTrue(output.contains("GET /missing -> HTTP/1.1 404 Not Found"));
        assertTrue(output.contains("Browser shows: 404 Not Found The page you requested does not exist."));
    }

    @Test
    void the_served_pages_have_the_handouts_fields() {
        Transcript transcript = CaseRunner.run(labCase, Map.of("paths", "/hello,/nowhere"));

        List<String> responses = transcript.events().stream()
                .filter(e -> e.actor().equals("Server") && e.kind() == EventKind.SEND).map(e -> e.text()).toList();
        assertTrue(responses.get(0).startsWith("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"));
        Document info = Jsoup.parse(responses.get(0).substring(responses.get(0).indexOf("\r\n\r\n")));
        assertEquals("Request Info", info.selectFirst("h1").text());
        assertEquals(List.of("Method: GET", "Path: /hello", "Browser: Mozilla/5.0"), info.select("p").eachText());
        assertTrue(responses.get(1).startsWith("HTTP/1.1 404 Not Found\r\n"), () -> responses + "\n" + transcript.events());
        Document missing = Jsoup.parse(responses.get(1).substring(responses.get(1).indexOf("\r\n\r\n")));
        assertEquals("404 Not Found", missing.selectFirst("h1").text());
    }

    @Test
    void method_and_user_agent_come_back_and_are_escaped_in_the_html() {
        Transcript transcript = CaseRunner.run(labCase,
                Map.of("paths", "/about", "method", "POST", "userAgent", "<script>x</script> & co"));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        String response = transcript.events().stream()
                .filter(e -> e.actor().equals("Server") && e.kind() == EventKind.SEND).findFirst().orElseThrow().text();
        assertTrue(response.contains("&lt;script&gt;x&lt;/script&gt; &amp; co"), response);
        assertTrue(transcript.output().contains("POST /about -> HTTP/1.1 200 OK"));
    }

    @Test
    void rejects_bad_paths_and_user_agents_naming_them() {
        assertEquals("paths", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("paths", "hello"))).parameter());
        assertEquals("paths", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("paths", " , "))).parameter());
        assertEquals("userAgent", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("userAgent", "x\r\nX-Evil: 1"))).parameter());
        assertEquals("target", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("target", "127.0.0.1:http"))).parameter());
    }

    @Test
    void target_passes_a_correct_student_server() throws Exception {
        try (LoopbackServer student = LoopbackServer.start((socket, count) -> {
            String head = LoopbackServer.readHead(socket);
            String[] requestLine = head.split("\r\n")[0].split(" ");
            String agent = head.lines().filter(l -> l.startsWith("User-Agent: ")).findFirst().orElse("").substring(12);
            boolean known = List.of("/", "/hello", "/about").contains(requestLine[1]);
            String body = known
                    ? "<h1>Request Info</h1><p><strong>Method:</strong> " + requestLine[0] + "</p><p><strong>Path:"
                      + "</strong> " + requestLine[1] + "</p><p><strong>Browser:</strong> " + agent + "</p>"
                    : "<h1>404 Not Found</h1>";
            LoopbackServer.write(socket, "HTTP/1.1 " + (known ? "200 OK" : "404 Not Found")
                    + "\r\nContent-Type: text/html\r\n\r\n" + body);
        })) {
            Transcript transcript = CaseRunner.run(labCase, Map.of("target", student.target()));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.LISTEN));
        }
    }

    @Test
    void target_fails_a_student_server_that_answers_200_for_every_path() throws Exception {
        try (LoopbackServer student = LoopbackServer.start((socket, count) -> {
            LoopbackServer.readHead(socket);
            LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\n\r\n<h1>404 Not Found</h1>");
        })) {
            Transcript transcript = CaseRunner.run(labCase, Map.of("target", student.target(), "paths", "/missing"));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertEquals("GET /missing is answered 404", transcript.checks().get(0).name());
            assertEquals("200", transcript.checks().get(0).actual());
        }
    }
}
