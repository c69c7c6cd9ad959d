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
    private final AtomicReference<Rendered> rendered = new AtomicReference<>();

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

    private HttpResponse listCases(Rendered rendered, HttpRequest request) {
        return rendered.cases();
    }

    private HttpResponse showCase(Rendered rendered, HttpRequest request) {
        String id = request.pathParam("id");
        HttpResponse answer = rendered.details().get(id);
        if (answer == null) {
            throw unknownCase(id);
        }
        return answer;
    }

    /**
     * A rendered catalogue with its answers made once: responses are immutable, and one made per request was
     * a tenth of what such a request allocated.
     */
    private record Rendered(Catalogue catalogue, HttpResponse cases, Map<String, HttpResponse> details) {
        static Rendered of(CatalogueJson json) {
            Map<String, HttpResponse> details = new HashMap<>();
            json.details().forEach((id, detail) -> details.put(id, ok(detail)));
            return new Rendered(json.catalogue(), ok(json.cases()), Map.copyOf(details));
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
    private Rendered rendered() {
        Catalogue catalogue = registry.catalogue();
        Rendered current = rendered.get();
        if (current != null && current.catalogue() == catalogue) {
            return current;
        }
        synchronized (rendered) {
            current = rendered.get();
            if (current == null || current.catalogue() != catalogue) {
                current = Rendered.of(CatalogueJson.render(catalogue));
                rendered.set(current);
            }
            return current;
        }
    }

    /** The JSON of the current catalogue, or null while it is not rendered yet. */
    private Rendered renderedIfCurrent() {
        Rendered current = rendered.get();
        return current != null && current.catalogue() == registry.catalogue() ? current : null;
    }

    private interface CatalogueAnswer {
        HttpResponse answer(Rendered rendered, HttpRequest request);
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
            Rendered current = renderedIfCurrent();
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
