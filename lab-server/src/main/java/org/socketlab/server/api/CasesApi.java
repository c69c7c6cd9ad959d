package org.socketlab.server.api;

import java.util.concurrent.atomic.AtomicReference;

import com.google.gson.JsonElement;

import org.socketlab.api.InvalidParamException;
import org.socketlab.server.http.HttpException;
import org.socketlab.server.http.HttpRequest;
import org.socketlab.server.http.HttpResponse;
import org.socketlab.server.http.Router;
import org.socketlab.server.http.Status;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.Catalogue;
import org.socketlab.server.plugins.RegisteredCase;

/** The JSON API v1 (docs/api.md): the catalogue, runs, recent transcripts and plugin statuses. */
public final class CasesApi {
    static final String JSON_TYPE = "application/json; charset=utf-8";

    private final CaseRegistry registry;
    private final RunService runs;
    private final AtomicReference<CatalogueJson> rendered = new AtomicReference<>();

    /**
     * @param registry the cases
     * @param runs     runs them
     */
    public CasesApi(CaseRegistry registry, RunService runs) {
        this.registry = registry;
        this.runs = runs;
    }

    /**
     * Adds the API's routes.
     *
     * @param router the server's router
     * @return the router
     */
    public Router addTo(Router router) {
        return router
                .get("/api/cases", this::listCases)
                .get("/api/cases/{id}", this::showCase)
                .post("/api/cases/{id}/runs", this::runCase)
                .get("/api/runs/{runId}", this::showRun)
                .get("/api/plugins", this::listPlugins);
    }

    private HttpResponse listCases(HttpRequest request) {
        return ok(rendered().cases());
    }

    private HttpResponse showCase(HttpRequest request) {
        String id = request.pathParam("id");
        byte[] detail = rendered().details().get(id);
        if (detail == null) {
            throw unknownCase(id);
        }
        return ok(detail);
    }

    // Re-rendered only when the registry holds a new catalogue (start-up, a plugin reload).
    private CatalogueJson rendered() {
        Catalogue catalogue = registry.catalogue();
        CatalogueJson current = rendered.get();
        if (current == null || current.catalogue() != catalogue) {
            current = CatalogueJson.render(catalogue);
            rendered.set(current);
        }
        return current;
    }

    private HttpResponse runCase(HttpRequest request) {
        RegisteredCase registered = find(request.pathParam("id"));
        var params = RunRequest.params(request.body());
        try {
            return ok(TranscriptJson.of(runs.run(registered, params)));
        } catch (InvalidParamException e) {
            return ApiErrors.invalidParameter(e.getMessage(), e.parameter());
        }
    }

    private HttpResponse showRun(HttpRequest request) {
        String runId = request.pathParam("runId");
        return runs.store().find(runId)
                .map(transcript -> ok(TranscriptJson.of(transcript)))
                .orElseThrow(() -> new HttpException(Status.NOT_FOUND,
                        "no recent run with id '" + Printable.of(runId) + "' (only the latest runs are kept)"));
    }

    private HttpResponse listPlugins(HttpRequest request) {
        return ok(rendered().plugins());
    }

    private RegisteredCase find(String id) {
        return registry.catalogue().find(id).orElseThrow(() -> unknownCase(id));
    }

    private static HttpException unknownCase(String id) {
        return new HttpException(Status.NOT_FOUND, "no case with id '" + Printable.of(id) + "'; GET /api/cases lists them");
    }

    private static HttpResponse ok(JsonElement body) {
        return ok(Json.bytes(body));
    }

    private static HttpResponse ok(byte[] body) {
        return HttpResponse.of(Status.OK, JSON_TYPE, body);
    }
}
