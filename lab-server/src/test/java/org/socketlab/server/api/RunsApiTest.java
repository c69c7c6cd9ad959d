package org.socketlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.engine.RunSettings;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.http.HttpServer;
import org.socketlab.server.http.HttpServerConfig;
import org.socketlab.server.http.Router;
import org.socketlab.server.plugins.CaseRegistry;

/** The runs API over real sockets: async runs, their event streams, cancelling, listing and the run slots. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunsApiTest {
    private static final Duration CLIENT_WAIT = Duration.ofSeconds(20);
    // Long enough that only the test (or a cancel) ends a held run.
    private static final RunSettings LONG = RunSettings.defaults().withTimeLimit(Duration.ofSeconds(60))
            .withIoTimeout(Duration.ofSeconds(60));

    private final GatedCases gated = new GatedCases();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RunService service;
    private RunsApi api;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        startWith(4, Duration.ofSeconds(10), RunStore.DEFAULT_MAX_BYTES);
    }

    private void startWith(int maxRuns, Duration queueWait, long storeBytes) throws IOException {
        stop();
        CaseRegistry registry = gated.registry();
        service = new RunService(LONG, maxRuns, queueWait, new RunStore(storeBytes));
        api = new RunsApi(registry, service, Duration.ofMillis(100));
        Router router = api.addTo(new Router());
        server = HttpServer.start(HttpServerConfig.defaults(), router, new ApiErrors(), AccessLog.none());
    }

    @AfterEach
    void stop() {
        gated.releaseAll();
        if (service != null) {
            service.close();
        }
        if (server != null) {
            server.close();
        }
    }

    // --- requests

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return client.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String caseId, boolean async) throws Exception {
        HttpRequest.Builder builder = request("/api/cases/" + caseId + "/runs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (async) {
            builder.header("Prefer", "respond-async");
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String startAsync(String caseId) throws Exception {
        HttpResponse<String> response = post(caseId, true);
        assertEquals(202, response.statusCode(), response.body());
        return json(response).get("runId").getAsString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(CLIENT_WAIT);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** The event stream, read line by line as it arrives. */
    private Iterator<String> events(String runId, String lastEventId) throws Exception {
        HttpRequest.Builder builder = request("/api/runs/" + runId + "/events").GET();
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return response.body().iterator();
    }

    /** Reads the next SSE event (its fields by name), skipping comments and the retry hint. */
    private static SseEvent next(Iterator<String> lines) {
        String id = null;
        String name = "message";
        String data = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (data != null) {
                    return new SseEvent(id, name, JsonParser.parseString(data).getAsJsonObject());
                }
                continue;
            }
            if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = line.substring(6);
            }
        }
        throw new AssertionError("the stream ended before an event");
    }

    private record SseEvent(String id, String name, JsonObject data) {
    }

    private static List<SseEvent> untilEnd(Iterator<String> lines) {
        List<SseEvent> events = new ArrayList<>();
        SseEvent event;
        do {
            event = next(lines);
            events.add(event);
        } while (!event.name().equals("end"));
        return events;
    }

    // --- async runs

    @Test
    void prefer_respond_async_answers_202_with_the_runs_location() throws Exception {
        HttpResponse<String> response = post(GatedCases.HELD, true);

        assertEquals(202, response.statusCode());
        String runId = json(response).get("runId").getAsString();
        assertEquals("running", json(response).get("state").getAsString());
        assertEquals("/api/runs/" + runId, response.headers().firstValue("Location").orElse(null));
        assertEquals("respond-async", response.headers().firstValue("Preference-Applied").orElse(null));
        JsonObject soFar = json(get("/api/runs/" + runId));
        assertEquals("running", soFar.get("state").getAsString());
        assertTrue(soFar.get("outcome").isJsonNull());
    }

    @Test
    void without_the_preference_a_run_still_answers_200_with_the_whole_transcript() throws Exception {
        HttpResponse<String> response = post(GatedCases.QUICK, false);

        assertEquals(200, response.statusCode());
        JsonObject transcript = json(response);
        assertEquals("passed", transcript.get("outcome").getAsString());
        assertEquals("done", transcript.get("state").getAsString());
        assertEquals(json(get("/api/runs/" + transcript.get("runId").getAsString())), transcript);
    }

    @Test
    void an_invalid_value_is_400_even_when_async() throws Exception {
        HttpResponse<String> response = client.send(request("/api/cases/" + GatedCases.QUICK + "/runs")
                .header("Content-Type", "application/json").header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString("{\"params\": {\"nope\": 1}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").getAsString().contains("nope"));
    }

    @Test
    void a_value_the_cases_own_validate_refuses_is_400_even_when_async_and_leaves_no_run() throws Exception {
        HttpResponse<String> response = post(GatedCases.PICKY, true);

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").getAsString().contains("not in the mood"));
        assertEquals(0, json(get("/api/runs")).getAsJsonArray("runs").size());
    }

    // --- event streams

    @Test
    void events_arrive_while_the_run_goes_on_then_the_end() throws Exception {
        String runId = startAsync(GatedCases.HELD);
        Iterator<String> stream = events(runId, null);

        SseEvent first = next(stream);
        assertEquals("0", first.id());
        assertEquals("before the gate", first.data().get("text").getAsString());
        assertEquals("running", json(get("/api/runs/" + runId)).get("state").getAsString());

        gated.release(runId);
        List<SseEvent> rest = untilEnd(stream);
        assertEquals("after the gate", rest.get(0).data().get("text").getAsString());
        SseEvent end = rest.get(rest.size() - 1);
        assertEquals("passed", end.data().get("outcome").getAsString());
        assertTrue(end.data().get("checks").isJsonArray());
        assertTrue(end.data().get("error").isJsonNull());
    }

    @Test
    void a_client_that_comes_after_the_end_gets_every_event_as_in_the_transcript_then_the_end() throws Exception {
        JsonObject transcript = json(post(GatedCases.QUICK, false));

        List<SseEvent> streamed = untilEnd(events(transcript.get("runId").getAsString(), null));

        JsonArray events = transcript.getAsJsonArray("events");
        assertEquals(events.size() + 1, streamed.size());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(String.valueOf(i), streamed.get(i).id());
            assertEquals(events.get(i), streamed.get(i).data());
        }
    }

    @Test
    void last_event_id_resumes_after_that_event() throws Exception {
        JsonObject transcript = json(post(GatedCases.QUICK, false));
        JsonArray events = transcript.getAsJsonArray("events");

        List<SseEvent> resumed = untilEnd(events(transcript.get("runId").getAsString(), "1"));

        assertEquals("2", resumed.get(0).id());
        assertEquals(events.get(2), resumed.get(0).data());
        assertEquals(events.size() - 2 + 1, resumed.size());
        assertEquals("end", resumed.get(resumed.size() - 1).name());
    }

    @Test
    void a_bad_last_event_id_is_400() throws Exception {
        String runId = json(post(GatedCases.QUICK, false)).get("runId").getAsString();

        HttpResponse<String> response = client.send(request("/api/runs/" + runId + "/events")
                .header("Last-Event-ID", "abc").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
    }

    @Test
    void a_client_that_goes_away_is_noticed_by_the_heartbeat_during_a_quiet_run() throws Exception {
        String runId = startAsync(GatedCases.HELD);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/runs/" + runId + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.startsWith("data: "));
            assertTrue(line != null && line.contains("before the gate"), String.valueOf(line));
            assertEquals(1, api.openStreams());
        }

        // The run goes on, silent; only a failed heartbeat write tells the stream its client is gone.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (api.openStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, api.openStreams());
        assertEquals("running", json(get("/api/runs/" + runId)).get("state").getAsString());
    }

    // --- cancel

    @Test
    void delete_stops_a_run_held_by_a_silent_peer() throws Exception {
        String runId = startAsync(GatedCases.SILENT_PEER);
        Iterator<String> stream = events(runId, null);
        // The client is connected and waits in recv once the server's accept is recorded.
        SseEvent event;
        do {
            event = next(stream);
        } while (!event.data().get("kind").getAsString().equals("accept"));

        HttpResponse<String> cancelled = delete("/api/runs/" + runId);

        assertEquals(200, cancelled.statusCode());
        List<SseEvent> rest = untilEnd(stream);
        JsonObject end = rest.get(rest.size() - 1).data();
        assertEquals("error", end.get("outcome").getAsString());
        assertEquals("cancelled", end.get("error").getAsString());
        JsonObject transcript = json(get("/api/runs/" + runId));
        assertEquals("done", transcript.get("state").getAsString());
        assertEquals("cancelled", transcript.get("error").getAsString());
    }

    @Test
    void delete_of_a_run_that_has_ended_leaves_it_as_it_was() throws Exception {
        String runId = json(post(GatedCases.QUICK, false)).get("runId").getAsString();

        HttpResponse<String> response = delete("/api/runs/" + runId);

        assertEquals(200, response.statusCode());
        assertEquals("passed", json(response).get("outcome").getAsString());
        assertEquals("passed", json(get("/api/runs/" + runId)).get("outcome").getAsString());
    }

    @Test
    void delete_of_an_unknown_run_is_404() throws Exception {
        HttpResponse<String> response = delete("/api/runs/no-such-run");

        assertEquals(404, response.statusCode());
        assertTrue(json(response).has("error"));
    }

    // --- the list and the store

    @Test
    void the_list_shows_the_newest_run_first() throws Exception {
        String first = json(post(GatedCases.QUICK, false)).get("runId").getAsString();
        String second = startAsync(GatedCases.HELD);

        JsonArray runs = json(get("/api/runs")).getAsJsonArray("runs");

        assertEquals(second, runs.get(0).getAsJsonObject().get("runId").getAsString());
        assertEquals("running", runs.get(0).getAsJsonObject().get("state").getAsString());
        JsonObject older = runs.get(1).getAsJsonObject();
        assertEquals(first, older.get("runId").getAsString());
        assertEquals(GatedCases.QUICK, older.get("caseId").getAsString());
        assertEquals("passed", older.get("outcome").getAsString());
        for (String field : List.of("runId", "caseId", "state", "outcome", "startedAt", "durationMs")) {
            assertTrue(older.has(field), field);
        }
    }

    @Test
    void a_full_store_lets_the_oldest_finished_run_go() throws Exception {
        startWith(4, Duration.ofSeconds(10), 1);
        String first = json(post(GatedCases.QUICK, false)).get("runId").getAsString();
        String second = json(post(GatedCases.QUICK, false)).get("runId").getAsString();

        assertEquals(404, get("/api/runs/" + first).statusCode());
        assertEquals(200, get("/api/runs/" + second).statusCode());
    }

    // --- run slots

    @Test
    void past_max_runs_a_run_waits_for_a_slot() throws Exception {
        startWith(1, Duration.ofSeconds(30), RunStore.DEFAULT_MAX_BYTES);
        String holder = startAsync(GatedCases.HELD);
        CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(request("/api/cases/" + GatedCases.QUICK
                + "/runs").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        service.awaitWaiting(1, CLIENT_WAIT);
        assertFalse(waiting.isDone());

        gated.release(holder);

        assertEquals(200, waiting.get(CLIENT_WAIT.toSeconds(), TimeUnit.SECONDS).statusCode());
    }

    @Test
    void past_max_runs_and_the_queue_wait_a_run_gets_503_with_retry_after() throws Exception {
        startWith(1, Duration.ofMillis(200), RunStore.DEFAULT_MAX_BYTES);
        startAsync(GatedCases.HELD);

        HttpResponse<String> refused = post(GatedCases.QUICK, true);

        assertEquals(503, refused.statusCode());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        assertTrue(json(refused).get("error").getAsString().contains("too many runs"));
    }
}
