package org.socketlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.TestCases;
import org.socketlab.server.http.AccessLog;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CasesApiTest {
    private static SocketLabServer server;
    private static HttpClient client;

    @BeforeAll
    static void startServer() throws IOException {
        // Short, for test-hangs, but many times what a run of missing-message takes even on a loaded machine
        // (tens of ms): those runs must pass, not meet the limit.
        ServerConfig config = ServerConfig.defaults().withPort(0).withRunTimeLimit(Duration.ofSeconds(2));
        server = SocketLabServer.start(config, TestCases.registryWithMisbehavingCases(), AccessLog.none());
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "JSON content type expected, got " + response.headers().firstValue("Content-Type"));
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.getAsString()));
        return values;
    }

    @Test
    void lists_the_built_in_cases_with_their_summaries() throws Exception {
        HttpResponse<String> response = get("/api/cases");

        assertEquals(200, response.statusCode());
        JsonArray cases = json(response).getAsJsonArray("cases");
        List<String> ids = new ArrayList<>();
        for (JsonElement c : cases) {
            JsonObject summary = c.getAsJsonObject();
            ids.add(summary.get("id").getAsString());
            for (String field : List.of("id", "title", "summary", "tags", "source", "group", "origin")) {
                assertTrue(summary.has(field), summary.get("id") + " lacks " + field);
            }
        }
        assertTrue(ids.containsAll(List.of("missing-message", "port-scanner", "curl-detective")), ids.toString());
    }

    @Test
    void shows_a_case_with_its_description_and_typed_params() throws Exception {
        JsonObject detail = json(get("/api/cases/missing-message"));

        assertEquals("The Missing Message Mystery", detail.get("title").getAsString());
        assertTrue(detail.get("description").getAsString().contains("HELLO WORLD"));
        JsonObject bufferSize = null;
        for (JsonElement p : detail.getAsJsonArray("params")) {
            if (p.getAsJsonObject().get("name").getAsString().equals("bufferSize")) {
                bufferSize = p.getAsJsonObject();
            }
        }
        assertEquals("int", bufferSize.get("type").getAsString());
        assertEquals(8, bufferSize.get("default").getAsInt());
    }

    @Test
    void shows_each_actors_program_verbatim_or_marked_reconstructed() throws Exception {
        JsonObject detail = json(get("/api/cases/missing-message"));

        JsonObject server = null;
        for (JsonElement p : detail.getAsJsonArray("programs")) {
            if (p.getAsJsonObject().get("file").getAsString().equals("server.py")) {
                server = p.getAsJsonObject();
            }
        }
        assertEquals("Bob", server.get("actor").getAsString());
        assertEquals("python", server.get("language").getAsString());
        assertFalse(server.get("reconstructed").getAsBoolean());
        assertTrue(server.get("code").getAsString().contains("client_socket.recv(8)"), server.toString());
    }

    @Test
    void each_recorded_event_names_the_program_line_that_made_it() throws Exception {
        JsonObject transcript = json(post("/api/cases/missing-message/runs", "{\"params\": {\"readUntilClosed\": false}}"));

        JsonObject recv = null;
        for (JsonElement e : transcript.getAsJsonArray("events")) {
            if (e.getAsJsonObject().get("kind").getAsString().equals("recv")) {
                recv = e.getAsJsonObject();
            }
        }
        assertEquals("server.py", recv.get("program").getAsString());
        JsonObject detail = json(get("/api/cases/missing-message"));
        String code = null;
        for (JsonElement p : detail.getAsJsonArray("programs")) {
            if (p.getAsJsonObject().get("file").getAsString().equals("server.py")) {
                code = p.getAsJsonObject().get("code").getAsString();
            }
        }
        String line = code.split("\n", -1)[recv.get("line").getAsInt() - 1];
        assertTrue(line.contains("recv(8)"), line);
    }

    @Test
    void an_unknown_case_is_404_with_a_json_error() throws Exception {
        HttpResponse<String> response = get("/api/cases/no-such-case");

        assertEquals(404, response.statusCode());
        assertTrue(json(response).get("error").getAsString().contains("no-such-case"));
    }

    @Test
    void runs_a_case_with_its_defaults_when_the_body_is_empty() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/cases/missing-message/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(200, response.statusCode());
        JsonObject transcript = json(response);
        assertEquals("passed", transcript.get("outcome").getAsString());
        assertTrue(strings(transcript.getAsJsonArray("output")).contains(" Bob received: 'HELLO WORLD'"));
        assertEquals(2, transcript.get("version").getAsInt());
        assertTrue(transcript.has("error") && transcript.get("error").isJsonNull());
    }

    @Test
    void the_recv_bug_fails_with_expected_and_actual() throws Exception {
        JsonObject transcript = json(post("/api/cases/missing-message/runs", "{\"params\": {\"readUntilClosed\": false}}"));

        assertEquals("failed", transcript.get("outcome").getAsString());
        assertTrue(strings(transcript.getAsJsonArray("output")).contains(" Bob received: 'HELLO WO'"));
        JsonObject check = transcript.getAsJsonArray("checks").get(0).getAsJsonObject();
        assertEquals("HELLO WORLD", check.get("expected").getAsString());
        assertEquals("HELLO WO", check.get("actual").getAsString());
        boolean sawShortRecv = false;
        for (JsonElement e : transcript.getAsJsonArray("events")) {
            JsonObject event = e.getAsJsonObject();
            if (event.get("kind").getAsString().equals("recv")) {
                sawShortRecv = event.get("requested").getAsInt() == 8 && event.get("size").getAsInt() == 8
                        && event.get("base64").getAsString().equals("SEVMTE8gV08=");
            }
        }
        assertTrue(sawShortRecv, "a recv(8) of 'HELLO WO' should be in the events");
    }

    @Test
    void an_invalid_param_is_400_naming_it() throws Exception {
        HttpResponse<String> response = post("/api/cases/missing-message/runs", "{\"params\": {\"bufferSize\": 0}}");

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").getAsString().contains("bufferSize"));
    }

    @Test
    void an_unknown_param_is_400_naming_it() throws Exception {
        HttpResponse<String> response = post("/api/cases/missing-message/runs", "{\"params\": {\"bufsize\": 8}}");

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").getAsString().contains("bufsize"));
    }

    @Test
    void malformed_json_is_400_saying_where() throws Exception {
        HttpResponse<String> response = post("/api/cases/missing-message/runs", "{\"params\": {");

        assertEquals(400, response.statusCode());
        String error = json(response).get("error").getAsString();
        assertTrue(error.contains("not valid JSON") && error.contains("line 1 column"), error);
        assertFalse(error.contains("java.") || error.contains("Exception"), error);
    }

    @Test
    void a_body_that_is_not_an_object_is_400() throws Exception {
        assertEquals(400, post("/api/cases/missing-message/runs", "[1, 2]").statusCode());
        assertEquals(400, post("/api/cases/missing-message/runs", "{\"param\": {}}").statusCode());
        assertEquals(400, post("/api/cases/missing-message/runs", "{\"params\": [1]}").statusCode());
    }

    @Test
    void a_fractional_int_is_refused_not_rounded() throws Exception {
        assertEquals(400, post("/api/cases/missing-message/runs", "{\"params\": {\"bufferSize\": 8.5}}").statusCode());
    }

    @Test
    void the_wrong_method_is_405_with_allow() throws Exception {
        HttpResponse<String> response = get("/api/cases/missing-message/runs");

        assertEquals(405, response.statusCode());
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"));
        assertTrue(json(response).has("error"));
    }

    @Test
    void a_recent_run_can_be_fetched_by_its_id() throws Exception {
        JsonObject transcript = json(post("/api/cases/missing-message/runs", "{}"));
        String runId = transcript.get("runId").getAsString();

        HttpResponse<String> again = get("/api/runs/" + runId);

        assertEquals(200, again.statusCode());
        assertEquals(transcript, json(again));
        assertEquals(404, get("/api/runs/not-a-run").statusCode());
    }

    @Test
    void a_hanging_case_ends_as_error_and_the_server_keeps_serving() throws Exception {
        JsonObject transcript = json(post("/api/cases/test-hangs/runs", ""));

        assertEquals("error", transcript.get("outcome").getAsString());
        assertTrue(transcript.get("error").getAsString().contains("time limit"));
        assertEquals(List.of("going to sleep"), strings(transcript.getAsJsonArray("output")));
        assertEquals(200, get("/api/cases").statusCode());
    }

    @Test
    void a_throwing_case_ends_as_error_with_its_message() throws Exception {
        JsonObject transcript = json(post("/api/cases/test-throws/runs", ""));

        assertEquals("error", transcript.get("outcome").getAsString());
        assertTrue(transcript.get("error").getAsString().contains("the case broke on purpose"));
    }

    @Test
    void plugins_are_listed_even_when_there_are_none() throws Exception {
        HttpResponse<String> response = get("/api/plugins");

        assertEquals(200, response.statusCode());
        assertTrue(json(response).get("plugins").isJsonArray());
    }

    @Test
    void an_unknown_api_path_is_404_json() throws Exception {
        HttpResponse<String> response = get("/api/nothing-here");

        assertEquals(404, response.statusCode());
        assertTrue(json(response).has("error"));
    }
}
