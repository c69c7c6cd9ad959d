package org.socketlab.server.api;

import java.util.ArrayList;
import java.util.List;

import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.engine.Engine;
import org.socketlab.server.http.HttpException;
import org.socketlab.server.http.HttpRequest;
import org.socketlab.server.http.HttpResponse;
import org.socketlab.server.http.Router;
import org.socketlab.server.http.Status;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.RegisteredCase;

/**
 * {@code POST /api/runs}: a suite in one request, for graders that prefer HTTP to a JVM per call. Every case and
 * value is checked before the first run, so a typo costs no run; the runs then go one after the other, each
 * through the {@link RunService} like a single run (same limits, kept in the store).
 */
public final class BatchRunsApi {
    private final CaseRegistry registry;
    private final RunService runs;

    /**
     * @param registry the cases
     * @param runs     runs them
     */
    public BatchRunsApi(CaseRegistry registry, RunService runs) {
        this.registry = registry;
        this.runs = runs;
    }

    /**
     * @param router the server's router
     * @return the router, with {@code POST /api/runs}
     */
    public Router addTo(Router router) {
        return router.post("/api/runs", this::runBatch);
    }

    private HttpResponse runBatch(HttpRequest request) {
        List<BatchRequest.Item> items = BatchRequest.parse(request.body());
        List<RegisteredCase> cases = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchRequest.Item item = items.get(i);
            String where = "runs[" + i + "]";
            RegisteredCase registered = registry.catalogue().find(item.caseId()).orElseThrow(() -> new HttpException(
                    Status.BAD_REQUEST, where + ": no case with id '" + Printable.of(item.caseId())
                    + "'; GET /api/cases lists them"));
            try {
                Engine.resolve(registered.params(), item.params());
            } catch (InvalidParamException e) {
                return ApiErrors.invalidParameter(where + " (" + registered.id() + "): " + e.getMessage(), e.parameter());
            }
            cases.add(registered);
        }
        List<Transcript> transcripts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                transcripts.add(runs.run(cases.get(i), items.get(i).params()));
            } catch (InvalidParamException e) {
                // Only a case's own validate() gets here: the values were each valid, not together.
                return ApiErrors.invalidParameter("runs[" + i + "] (" + cases.get(i).id() + "): " + e.getMessage(),
                        e.parameter());
            }
        }
        return HttpResponse.of(Status.OK, CasesApi.JSON_TYPE, Json.bytes(SuiteJson.of(transcripts)));
    }
}
