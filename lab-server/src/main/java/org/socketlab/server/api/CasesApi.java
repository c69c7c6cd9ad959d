package org.socketlab.server.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.socketlab.server.http.Handler;
import org.socketlab.server.http.HttpException;
import org.socketlab.server.http.HttpRequest;
import org.socketlab.server.http.HttpResponse;
import org.socketlab.server.http.Router;
import org.socketlab.server.http.Status;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.Catalogue;

/** The JSON API v1 (docs/api.md): the catalogue and plugin statuses here, runs in {@link RunsApi}. */
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
        new RunsApi(registry, runs, RunsApi.HEARTBEAT).addTo(router);
        return router
                .get("/api/cases", new FromRendered(this::listCases))
                .get("/api/cases/{id}", new FromRendered(this::showCase))
                .get("/api/plugins", this::listPlugins);
    }

    private HttpResponse listCases(CatalogueJson rendered, HttpRequest request) {
        return ok(rendered.cases());
    }

    // Any thread; a race only makes the same answers twice.
    private volatile DetailAnswers detailAnswers;

    private HttpResponse showCase(CatalogueJson rendered, HttpRequest request) {
        String id = request.pathParam("id");
        DetailAnswers answers = detailAnswers;
        if (answers == null || answers.rendered != rendered) {
            answers = DetailAnswers.of(rendered);
            detailAnswers = answers;
        }
        HttpResponse answer = answers.byId.get(id);
        if (answer == null) {
            throw unknownCase(id);
        }
        return answer;
    }

    /**
     * The answers of {@code GET /api/cases/{id}}, made once per rendered catalogue: responses are immutable,
     * and one made per request was a tenth of what such a request allocated.
     */
    private record DetailAnswers(CatalogueJson rendered, Map<String, HttpResponse> byId) {
        static DetailAnswers of(CatalogueJson rendered) {
            Map<String, HttpResponse> byId = new HashMap<>();
            rendered.details().forEach((id, detail) -> byId.put(id, ok(detail)));
            return new DetailAnswers(rendered, Map.copyOf(byId));
        }
    }

    /**
     * Renders the catalogue's JSON now rather than on the first request that needs it; the server calls
     * it on a thread of its own at start-up, beside the socket set-up (Gson's first use costs tens of ms).
     */
    public void prepare() {
        rendered();
    }

    // Re-rendered only when the registry holds a new catalogue (start-up, a plugin reload); a request that
    // comes while a render is under way waits for it instead of rendering the same catalogue again.
    private CatalogueJson rendered() {
        Catalogue catalogue = registry.catalogue();
        CatalogueJson current = rendered.get();
        if (current != null && current.catalogue() == catalogue) {
            return current;
        }
        synchronized (rendered) {
            current = rendered.get();
            if (current == null || current.catalogue() != catalogue) {
                current = CatalogueJson.render(catalogue);
                rendered.set(current);
            }
            return current;
        }
    }

    /** The JSON of the current catalogue, or null while it is not rendered yet. */
    private CatalogueJson renderedIfCurrent() {
        CatalogueJson current = rendered.get();
        return current != null && current.catalogue() == registry.catalogue() ? current : null;
    }

    private interface CatalogueAnswer {
        HttpResponse answer(CatalogueJson rendered, HttpRequest request);
    }

    /**
     * Answered on the connection loop from the rendered catalogue; only rendering (at start-up, after a
     * plugin reload) reads case descriptions from plugin code, so that one request goes to a worker.
     */
    private final class FromRendered implements Handler {
        private final CatalogueAnswer answer;

        FromRendered(CatalogueAnswer answer) {
            this.answer = answer;
        }

        @Override
        public HttpResponse handle(HttpRequest request) {
            return answer.answer(rendered(), request);
        }

        @Override
        public HttpResponse handleWithoutBlocking(HttpRequest request) {
            CatalogueJson current = renderedIfCurrent();
            return current == null ? null : answer.answer(current, request);
        }
    }

    // Rendered each time, unlike the cases: a plugin's health changes with its runs.
    private HttpResponse listPlugins(HttpRequest request) {
        JsonArray plugins = new JsonArray();
        registry.catalogue().plugins().forEach(p -> plugins.add(CaseJson.plugin(p)));
        JsonObject list = new JsonObject();
        list.add("plugins", plugins);
        return ok(Json.bytes(list));
    }

    private static HttpException unknownCase(String id) {
        return new HttpException(Status.NOT_FOUND, "no case with id '" + Printable.of(id) + "'; GET /api/cases lists them");
    }

    private static HttpResponse ok(byte[] body) {
        return HttpResponse.of(Status.OK, JSON_TYPE, body);
    }
}
