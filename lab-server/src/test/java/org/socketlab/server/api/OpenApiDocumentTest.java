package org.socketlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Schema;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.server.JsonSchemas;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.TestCases;
import org.socketlab.server.http.AccessLog;

/**
 * The OpenAPI document is well formed, and it describes what the server really answers: every documented
 * operation is called, and each answer's body is validated against the schema the document gives for that
 * operation and status (or its {@code default}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static SocketLabServer server;
    private static ApiClient api;
    private static JsonObject document;
    private final Set<String> exercised = new LinkedHashSet<>();

    @BeforeAll
    static void startServer() throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withRunTimeLimit(Duration.ofMillis(700));
        server = SocketLabServer.start(config, TestCases.registryWithMisbehavingCases(), AccessLog.none());
        api = new ApiClient(server.port());
        HttpResponse<String> response = api.get("/api/openapi.json");
        assertEquals(200, response.statusCode());
        document = JsonParser.parseString(response.body()).getAsJsonObject();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void the_document_is_openapi_3_1_with_operations_that_all_answer_something() {
        assertTrue(document.get("openapi").getAsString().matches("3\\.1\\.\\d+"));
        JsonObject info = document.getAsJsonObject("info");
        assertNotNull(info.get("title"));
        assertNotNull(info.get("version"));
        Set<String> operationIds = new TreeSet<>();
        for (var path : document.getAsJsonObject("paths").entrySet()) {
            assertTrue(path.getKey().startsWith("/api/"), path.getKey());
            for (var operation : path.getValue().getAsJsonObject().entrySet()) {
                assertTrue(METHODS.contains(operation.getKey()), path.getKey() + " " + operation.getKey());
                JsonObject op = operation.getValue().getAsJsonObject();
                assertTrue(op.getAsJsonObject("responses").size() > 0, path.getKey());
                assertTrue(operationIds.add(op.get("operationId").getAsString()), "operationIds are unique");
                // Every {name} of the path is declared as a path parameter (OpenAPI 3.1 §4.8.12.1).
                for (String name : pathParameters(path.getKey())) {
                    assertTrue(op.toString().contains("#/components/parameters/") || op.toString().contains(name),
                            path.getKey() + " declares {" + name + "}");
                }
            }
        }
    }

    @Test
    void every_reference_in_the_document_resolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertTrue(refs.size() > 20, refs.toString());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            JsonElement target = document;
            for (String segment : ref.substring(2).split("/")) {
                assertTrue(target.isJsonObject() && target.getAsJsonObject().has(segment), "unresolved " + ref);
                target = target.getAsJsonObject().get(segment);
            }
        }
    }

    @Test
    void every_schema_of_the_document_is_a_valid_json_schema_2020_12() throws IOException {
        Schema metaSchema = JsonSchemas.metaSchema2020();
        for (var schema : document.getAsJsonObject("components").getAsJsonObject("schemas").entrySet()) {
            JsonSchemas.assertValid(metaSchema, schema.getValue().toString(), "components.schemas." + schema.getKey());
        }
        // And a broken one is caught: the check can fail.
        assertTrue(!JsonSchemas.problems(metaSchema, "{\"type\": \"integr\", \"required\": \"id\"}").isEmpty());
    }

    @Test
    void the_real_answers_of_every_endpoint_match_the_document() throws Exception {
        // The catalogue and plugins.
        check("get", "/api/cases", "/api/cases", null, 200);
        for (var c : JsonParser.parseString(api.get("/api/cases").body()).getAsJsonObject().getAsJsonArray("cases")) {
            String id = c.getAsJsonObject().get("id").getAsString();
            check("get", "/api/cases/{id}", "/api/cases/" + id, null, 200);
        }
        check("get", "/api/cases/{id}", "/api/cases/no-such-case", null, 404);
        check("get", "/api/plugins", "/api/plugins", null, 200);
        check("get", "/api/openapi.json", "/api/openapi.json", null, 200);
        // Runs: passed, failed, error, a time-out, and the client's mistakes.
        String runId = transcriptRunId(check("post", "/api/cases/{id}/runs", "/api/cases/missing-message/runs", "", 200));
        check("post", "/api/cases/{id}/runs", "/api/cases/missing-message/runs",
                "{\"params\": {\"readUntilClosed\": false}}", 200);
        check("post", "/api/cases/{id}/runs", "/api/cases/test-throws/runs", "{}", 200);
        check("post", "/api/cases/{id}/runs", "/api/cases/test-hangs/runs", "{}", 200);
        check("post", "/api/cases/{id}/runs", "/api/cases/port-scanner/runs",
                "{\"params\": {\"host\": \"example.com\", \"ports\": \"80\"}}", 200);
        check("post", "/api/cases/{id}/runs", "/api/cases/missing-message/runs", "{\"params\": {\"bufferSize\": 0}}", 400);
        check("post", "/api/cases/{id}/runs", "/api/cases/missing-message/runs", "{oops", 400);
        check("post", "/api/cases/{id}/runs", "/api/cases/no-such-case/runs", "{}", 404);
        // A live run: 202 at once, read while it goes on, listed, cancelled, its events streamed to the end.
        HttpResponse<String> async = api.send(api.request("/api/cases/test-hangs/runs")
                .header("Content-Type", "application/json").header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(202, async.statusCode(), async.body());
        validate("post", "/api/cases/{id}/runs", async);
        String liveId = transcriptRunId(async);
        assertEquals("/api/runs/" + liveId, async.headers().firstValue("Location").orElse(""));
        check("get", "/api/runs/{runId}", "/api/runs/" + liveId, null, 200);
        check("get", "/api/runs", "/api/runs", null, 200);
        check("get", "/api/runs", "/api/runs?limit=0", null, 400);
        check("delete", "/api/runs/{runId}", "/api/runs/" + liveId, null, 200);
        checkEvents("/api/runs/" + liveId + "/events");
        // Suites.
        check("post", "/api/runs", "/api/runs", "{\"runs\": [{\"caseId\": \"tcp-counter\"}, {\"caseId\": \"test-throws\"}]}",
                200);
        check("post", "/api/runs", "/api/runs", "{\"runs\": [{\"caseId\": \"tcp-counter\", \"params\": {\"x\": 1}}]}", 400);
        // Recent runs.
        check("get", "/api/runs/{runId}", "/api/runs/" + runId, null, 200);
        check("get", "/api/runs/{runId}", "/api/runs/no-such-run", null, 404);
        checkEvents("/api/runs/" + runId + "/events");
        check("get", "/api/runs/{runId}/events", "/api/runs/no-such-run/events", null, 404);
        check("delete", "/api/runs/{runId}", "/api/runs/no-such-run", null, 404);

        Set<String> documented = new TreeSet<>();
        for (var path : document.getAsJsonObject("paths").entrySet()) {
            path.getValue().getAsJsonObject().keySet().forEach(method -> documented.add(method + " " + path.getKey()));
        }
        assertEquals(documented, new TreeSet<>(exercised), "every documented operation is called");
    }

    @Test
    void every_method_the_server_allows_on_a_documented_path_is_documented() throws Exception {
        for (var path : document.getAsJsonObject("paths").entrySet()) {
            String concrete = path.getKey().replace("{id}", "missing-message").replace("{runId}", "some-run");
            HttpResponse<String> response = api.send(api.request(concrete).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
            // RFC 9110 §15.5.6: a 405 lists in Allow the methods the resource takes.
            assertEquals(405, response.statusCode(), "PATCH " + concrete);
            for (String method : response.headers().firstValue("Allow").orElse("").split(",\\s*")) {
                String name = method.trim().toLowerCase(java.util.Locale.ROOT);
                if (!name.isEmpty() && !name.equals("head") && !name.equals("options")) {
                    assertTrue(path.getValue().getAsJsonObject().has(name),
                            path.getKey() + " takes " + method + " but the document does not say so");
                }
            }
        }
    }

    @Test
    void an_answer_that_does_not_match_is_caught() throws Exception {
        HttpResponse<String> plugins = api.get("/api/plugins");
        Schema caseList = responseSchema(operation("get", "/api/cases"), "200", "application/json");

        assertTrue(!JsonSchemas.problems(caseList, plugins.body()).isEmpty(), "a plugin list is not a case list");
    }

    /** Calls an endpoint, checks the status when one is given, and validates the answer. */
    private HttpResponse<String> check(String method, String template, String path, String body, Integer status)
            throws Exception {
        HttpRequest.Builder request = api.request(path);
        request = switch (method) {
            case "get" -> request.GET();
            // The cross-site guard wants every state-changing request to say it is JSON (415 otherwise).
            case "delete" -> request.header("Content-Type", "application/json").DELETE();
            default -> request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        };
        HttpResponse<String> response = api.send(request);
        if (status != null) {
            assertEquals(status.intValue(), response.statusCode(), method + " " + path + ": " + response.body());
        }
        validate(method, template, response);
        return response;
    }

    /** What came back, whichever way the body was read. */
    private record Answer(String path, int status, String contentType, String body) {
        static Answer of(HttpResponse<String> response) {
            return new Answer(response.uri().getPath(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        }
    }

    private void validate(String method, String template, HttpResponse<String> response) {
        validate(method, template, Answer.of(response));
    }

    private void validate(String method, String template, Answer response) {
        JsonObject operation = operation(method, template);
        exercised.add(method + " " + template);
        String what = method.toUpperCase(java.util.Locale.ROOT) + " " + response.path() + " -> " + response.status();
        JsonObject responses = operation.getAsJsonObject("responses");
        // OpenAPI 3.1 §4.8.16: an exact status wins over a range such as 4XX, which wins over default.
        String exact = Integer.toString(response.status());
        String range = exact.charAt(0) + "XX";
        String status = responses.has(exact) ? exact : responses.has(range) ? range : "default";
        assertTrue(responses.has(status), what + " is not documented");
        JsonObject described = resolve(responses.getAsJsonObject(status));
        if (!described.has("content")) {
            assertTrue(response.body().isEmpty(), what + " documents no body but has one");
            return;
        }
        String type = response.contentType().split(";")[0].trim();
        assertTrue(described.getAsJsonObject("content").has(type), what + ": undocumented content type " + type);
        if (type.equals("application/json")) {
            JsonSchemas.assertValid(responseSchema(operation, status, type), response.body(), what);
        }
    }

    private void checkEvents(String path) throws Exception {
        exercised.add("get /api/runs/{runId}/events");
        HttpResponse<java.io.InputStream> response = api.client().send(api.request(path).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/event-stream")) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            validate("get", "/api/runs/{runId}/events", new Answer(path, response.statusCode(), type, body));
            return;
        }
        assertEquals(200, response.statusCode());
        Schema event = componentSchema("Event");
        Schema end = componentSchema("EndOfRun");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String data = line.substring(5).trim();
                    JsonSchemas.assertValid("end".equals(name) ? end : event, data, "SSE " + name);
                    if ("end".equals(name)) {
                        return;
                    }
                } else if (line.isEmpty()) {
                    name = null;
                }
            }
        }
        fail("the event stream of a finished run ended without an 'end' event");
    }

    private static JsonObject operation(String method, String template) {
        JsonObject path = document.getAsJsonObject("paths").getAsJsonObject(template);
        assertNotNull(path, template + " is not in the document");
        JsonObject operation = path.getAsJsonObject(method);
        assertNotNull(operation, method + " " + template + " is not in the document");
        return operation;
    }

    private static Schema responseSchema(JsonObject operation, String status, String type) {
        JsonObject response = resolve(operation.getAsJsonObject("responses").getAsJsonObject(status));
        return wrap(response.getAsJsonObject("content").getAsJsonObject(type).getAsJsonObject("schema"));
    }

    private static Schema componentSchema(String name) {
        JsonObject ref = new JsonObject();
        ref.addProperty("$ref", "#/components/schemas/" + name);
        return wrap(ref);
    }

    // The schema with the document's components beside it, so that "#/components/..." references resolve.
    private static Schema wrap(JsonObject schema) {
        JsonObject wrapper = new JsonObject();
        wrapper.addProperty("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.add("components", document.get("components"));
        com.google.gson.JsonArray allOf = new com.google.gson.JsonArray();
        allOf.add(schema);
        wrapper.add("allOf", allOf);
        return JsonSchemas.schema(wrapper.toString());
    }

    private static JsonObject resolve(JsonObject maybeRef) {
        if (!maybeRef.has("$ref")) {
            return maybeRef;
        }
        JsonElement target = document;
        for (String segment : maybeRef.get("$ref").getAsString().substring(2).split("/")) {
            target = target.getAsJsonObject().get(segment);
        }
        return target.getAsJsonObject();
    }

    private static void collectRefs(JsonElement element, List<String> refs) {
        if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("$ref")) {
                    refs.add(entry.getValue().getAsString());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            }
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collectRefs(e, refs));
        }
    }

    private static List<String> pathParameters(String template) {
        List<String> names = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String transcriptRunId(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject().get("runId").getAsString();
    }
}
