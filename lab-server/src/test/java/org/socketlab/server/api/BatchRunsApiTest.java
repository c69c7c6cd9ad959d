package org.socketlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.InvalidParamException;
import org.socketlab.engine.Engine;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.TestCases;
import org.socketlab.server.http.AccessLog;

/** {@code POST /api/runs} and the shape of parameter errors, over real sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchRunsApiTest {
    private static SocketLabServer server;
    private static ApiClient api;

    @BeforeAll
    static void startServer() throws IOException {
        ServerConfig config = ServerConfig.defaults().withPort(0).withRunTimeLimit(Duration.ofMillis(700));
        server = SocketLabServer.start(config, TestCases.registryWithMisbehavingCases(), AccessLog.none());
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    @Test
    void a_batch_answers_every_transcript_in_order_and_the_worst_outcome() throws Exception {
        HttpResponse<String> response = api.post("/api/runs", """
                {"runs": [{"caseId": "missing-message"},
                          {"caseId": "missing-message", "params": {"readUntilClosed": false}},
                          {"caseId": "test-throws"}]}""");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject suite = json(response);
        JsonArray runs = suite.getAsJsonArray("runs");
        assertEquals(3, runs.size());
        assertEquals("passed", runs.get(0).getAsJsonObject().get("outcome").getAsString());
        assertEquals("failed", runs.get(1).getAsJsonObject().get("outcome").getAsString());
        assertEquals("error", runs.get(2).getAsJsonObject().get("outcome").getAsString());
        JsonObject summary = suite.getAsJsonObject("summary");
        assertEquals(3, summary.get("total").getAsInt());
        assertEquals(1, summary.get("passed").getAsInt());
        assertEquals("error", summary.get("outcome").getAsString());
        String runId = runs.get(1).getAsJsonObject().get("runId").getAsString();
        assertEquals(200, api.get("/api/runs/" + runId).statusCode(), "batch runs are kept like single runs");
    }

    @Test
    void a_bad_value_anywhere_fails_the_batch_before_any_run_naming_the_run_and_parameter() throws Exception {
        HttpResponse<String> response = api.post("/api/runs", """
                {"runs": [{"caseId": "test-hangs"}, {"caseId": "missing-message", "params": {"bufferSize": 0}}]}""");

        assertEquals(400, response.statusCode());
        JsonObject error = json(response);
        assertEquals("bufferSize", error.get("parameter").getAsString());
        assertEquals("runs[1] (missing-message): parameter 'bufferSize': must be an integer from 1 to 65536, got 0",
                error.get("error").getAsString());
    }

    @Test
    void an_unknown_case_in_a_batch_is_a_400_naming_the_run() throws Exception {
        HttpResponse<String> response = api.post("/api/runs", "{\"runs\": [{\"caseId\": \"no-such-case\"}]}");

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").getAsString().startsWith("runs[0]: no case with id 'no-such-case'"));
        assertFalse(json(response).has("parameter"));
    }

    @Test
    void malformed_batches_are_refused_with_what_to_send() throws Exception {
        for (String body : new String[] {"", "[]", "{\"runs\": []}", "{\"runs\": [1]}", "{\"runs\": [{}]}",
                "{\"runs\": [{\"caseId\": \"missing-message\", \"extra\": 1}]}", "{\"suite\": []}"}) {
            HttpResponse<String> response = api.post("/api/runs", body);
            assertEquals(400, response.statusCode(), body);
            assertFalse(json(response).get("error").getAsString().isBlank(), body);
        }
    }

    @Test
    void a_batch_larger_than_the_limit_is_refused() throws Exception {
        StringBuilder body = new StringBuilder("{\"runs\": [");
        for (int i = 0; i <= BatchRequest.MAX_RUNS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"caseId\": \"test-hangs\"}");
        }
        HttpResponse<String> response = api.post("/api/runs", body.append("]}").toString());

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").getAsString().contains("at most " + BatchRequest.MAX_RUNS));
    }

    @Test
    void a_parameter_error_of_a_single_run_is_whole_and_names_the_parameter() throws Exception {
        String expected;
        try {
            Engine.resolve(server.registry().catalogue().find("mismatched-ports").orElseThrow().params(),
                    java.util.Map.of("noSuchParameterAtAll", 1));
            throw new AssertionError("the value should be refused");
        } catch (InvalidParamException e) {
            expected = e.getMessage();
        }
        HttpResponse<String> response = api.post("/api/cases/mismatched-ports/runs",
                "{\"params\": {\"noSuchParameterAtAll\": 1}}");

        assertEquals(400, response.statusCode());
        JsonObject error = json(response);
        assertTrue(expected.length() > 80, "the message must be long enough to show it is not cut: " + expected);
        assertEquals(expected, error.get("error").getAsString());
        assertEquals("noSuchParameterAtAll", error.get("parameter").getAsString());
    }

    @Test
    void errors_that_are_not_about_a_parameter_have_no_parameter_field() throws Exception {
        JsonObject error = json(api.post("/api/cases/missing-message/runs", "{\"params\": 3}"));

        assertTrue(error.has("error"));
        assertFalse(error.has("parameter"));
    }
}
