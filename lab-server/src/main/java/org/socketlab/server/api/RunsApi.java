package org.socketlab.server.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.socketlab.api.InvalidParamException;
import org.socketlab.server.http.Handler;
import org.socketlab.server.http.HttpException;
import org.socketlab.server.http.HttpRequest;
import org.socketlab.server.http.HttpResponse;
import org.socketlab.server.http.Router;
import org.socketlab.server.http.Status;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.RegisteredCase;

/**
 * Runs as resources (docs/api.md): start one and wait for it, or start it and watch it
 * ({@code Prefer: respond-async}), read it, stream its events, cancel it, list the recent ones.
 */
final class RunsApi {
    /** The longest silence on an event stream: short enough that a gone client is noticed during a long run. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Event streams open at once; each holds a connection thread while its run goes on. */
    static final int MAX_EVENT_STREAMS = 256;
    private static final int DEFAULT_LIST_LIMIT = 100;
    private static final int MAX_LIST_LIMIT = 1000;
    private static final String EVENT_STREAM_TYPE = "text/event-stream; charset=utf-8";

    private final CaseRegistry registry;
    private final RunService runs;
    private final Duration heartbeat;
    private final Semaphore streams = new Semaphore(MAX_EVENT_STREAMS);

    RunsApi(CaseRegistry registry, RunService runs, Duration heartbeat) {
        this.registry = registry;
        this.runs = runs;
        this.heartbeat = heartbeat;
    }

    Router addTo(Router router) {
        return router
                .post("/api/cases/{id}/runs", new Handler() {
                    @Override
                    public HttpResponse handle(HttpRequest request) {
                        return runCase(request);
                    }

                    // An unknown case gets its 404 before the client is invited to send the body.
                    @Override
                    public boolean acceptsBody(HttpRequest head) {
                        return registry.catalogue().find(head.pathParam("id")).isPresent();
                    }
                })
                .get("/api/runs", this::listRuns)
                .get("/api/runs/{runId}", this::showRun)
                .delete("/api/runs/{runId}", this::cancelRun)
                .get("/api/runs/{runId}/events", this::streamEvents);
    }

    private HttpResponse runCase(HttpRequest request) {
        String id = request.pathParam("id");
        RegisteredCase registered = registry.catalogue().find(id).orElseThrow(() -> new HttpException(Status.NOT_FOUND,
                "no case with id '" + Printable.of(id) + "'; GET /api/cases lists them"));
        Map<String, Object> params = RunRequest.params(request.body());
        try {
            if (RunHeaders.respondAsync(request.headers().all("Prefer"))) {
                return accepted(runs.start(registered, params));
            }
            return json(Status.OK, runs.runToEnd(registered, params).json());
        } catch (InvalidParamException e) {
            return ApiErrors.invalidParameter(e.getMessage(), e.parameter());
        }
    }

    // RFC 7240 §4.1: 202 with where to find the run; §3: Preference-Applied says the preference was honoured.
    private static HttpResponse accepted(LiveRun run) {
        JsonObject body = new JsonObject();
        body.addProperty("runId", run.runId());
        body.addProperty("state", "running");
        return json(Status.ACCEPTED, Json.bytes(body))
                .withHeader("Location", "/api/runs/" + run.runId())
                .withHeader("Preference-Applied", "respond-async");
    }

    private HttpResponse listRuns(HttpRequest request) {
        int limit = limit(request.queryParams().get("limit"));
        JsonArray list = new JsonArray();
        runs.store().newestFirst(limit).forEach(run -> list.add(run.summary()));
        JsonObject body = new JsonObject();
        body.add("runs", list);
        return json(Status.OK, Json.bytes(body));
    }

    private static int limit(List<String> values) {
        if (values == null || values.isEmpty()) {
            return DEFAULT_LIST_LIMIT;
        }
        String text = values.get(values.size() - 1);
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIST_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new HttpException(Status.BAD_REQUEST,
                "'limit' must be a whole number from 1 to " + MAX_LIST_LIMIT + ", got '" + Printable.of(text) + "'");
    }

    private HttpResponse showRun(HttpRequest request) {
        return json(Status.OK, find(request).json());
    }

    private HttpResponse cancelRun(HttpRequest request) {
        String runId = request.pathParam("runId");
        LiveRun run = runs.cancel(runId).orElseThrow(() -> unknownRun(runId));
        return json(Status.OK, Json.bytes(run.summary()));
    }

    private HttpResponse streamEvents(HttpRequest request) {
        LiveRun run = find(request);
        int from = RunHeaders.firstEventIndex(request.headers().first("Last-Event-ID").orElse(null));
        if (request.method().equals("HEAD")) {
            return HttpResponse.of(Status.OK, EVENT_STREAM_TYPE, new byte[0]);
        }
        if (streams.availablePermits() == 0) {
            throw new HttpException(Status.SERVICE_UNAVAILABLE, "too many event streams are open; try again soon",
                    org.socketlab.server.http.Headers.of("Retry-After", "5"));
        }
        // no-cache: every GET must see the run as it is now; proxies must not buffer the stream either.
        return HttpResponse.streaming(Status.OK, EVENT_STREAM_TYPE, new EventStream(run, from, heartbeat, streams))
                .withHeader("Cache-Control", "no-cache")
                .withHeader("X-Accel-Buffering", "no");
    }

    /** @return how many event streams are open now */
    int openStreams() {
        return MAX_EVENT_STREAMS - streams.availablePermits();
    }

    private LiveRun find(HttpRequest request) {
        String runId = request.pathParam("runId");
        return runs.store().find(runId).orElseThrow(() -> unknownRun(runId));
    }

    private static HttpException unknownRun(String runId) {
        return new HttpException(Status.NOT_FOUND, "no run with id '" + Printable.of(runId)
                + "' (the oldest finished runs are let go when the store is full; GET /api/runs lists those kept)");
    }

    private static HttpResponse json(Status status, byte[] body) {
        return HttpResponse.of(status, CasesApi.JSON_TYPE, body);
    }
}
