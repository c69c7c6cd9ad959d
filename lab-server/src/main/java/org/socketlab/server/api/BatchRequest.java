package org.socketlab.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.socketlab.server.http.HttpException;
import org.socketlab.server.http.Status;

/** Reads the body of {@code POST /api/runs}: {@code {"runs": [{"caseId": "…", "params": {…}}, …]}}. */
final class BatchRequest {
    /** Runs in one batch at most: a batch holds one request open until its last run ends. */
    static final int MAX_RUNS = 50;

    /**
     * One run of the batch.
     *
     * @param caseId the case
     * @param params its values by name, as JSON gave them
     */
    record Item(String caseId, Map<String, Object> params) {
    }

    private BatchRequest() {
    }

    /**
     * @param body the request body
     * @return the runs, in order
     * @throws HttpException 400 saying where the body is wrong
     */
    static List<Item> parse(byte[] body) {
        if (body.length == 0) {
            throw badRequest("the body must be {\"runs\": [{\"caseId\": \"missing-message\", \"params\": {}}, …]}");
        }
        JsonElement root = RunRequest.parse(RunRequest.decode(body));
        if (!root.isJsonObject()) {
            throw badRequest("the body must be a JSON object like {\"runs\": [{\"caseId\": \"missing-message\"}]}");
        }
        JsonObject object = root.getAsJsonObject();
        for (String key : object.keySet()) {
            if (!key.equals("runs")) {
                throw badRequest("unknown field '" + Printable.of(key) + "' in the body (expected: runs)");
            }
        }
        JsonElement runs = object.get("runs");
        if (runs == null || !runs.isJsonArray() || runs.getAsJsonArray().isEmpty()) {
            throw badRequest("'runs' must be a non-empty array of {\"caseId\": \"…\", \"params\": {…}}");
        }
        JsonArray array = runs.getAsJsonArray();
        if (array.size() > MAX_RUNS) {
            throw badRequest("a batch takes at most " + MAX_RUNS + " runs, got " + array.size()
                    + "; split it into several requests");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add(item(array.get(i), "runs[" + i + "]"));
        }
        return items;
    }

    private static Item item(JsonElement element, String where) {
        if (!element.isJsonObject()) {
            throw badRequest(where + " must be an object like {\"caseId\": \"missing-message\", \"params\": {}}");
        }
        JsonObject object = element.getAsJsonObject();
        for (String key : object.keySet()) {
            if (!key.equals("caseId") && !key.equals("params")) {
                throw badRequest(where + ": unknown field '" + Printable.of(key) + "' (expected: caseId, params)");
            }
        }
        JsonElement caseId = object.get("caseId");
        if (caseId == null || !caseId.isJsonPrimitive() || !caseId.getAsJsonPrimitive().isString()) {
            throw badRequest(where + ".caseId must be a case id string, e.g. \"missing-message\"");
        }
        JsonElement params = object.get("params");
        Map<String, Object> values = new LinkedHashMap<>();
        if (params != null && !params.isJsonNull()) {
            if (!params.isJsonObject()) {
                throw badRequest(where + ".params must be a JSON object of parameter values, e.g. {\"bufferSize\": 1024}");
            }
            params.getAsJsonObject().entrySet().forEach(e -> values.put(e.getKey(), RunRequest.value(e.getValue())));
        }
        return new Item(caseId.getAsString(), values);
    }

    private static HttpException badRequest(String message) {
        return new HttpException(Status.BAD_REQUEST, message);
    }
}
