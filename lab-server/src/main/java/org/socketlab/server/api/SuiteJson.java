package org.socketlab.server.api;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.socketlab.api.transcript.Transcript;

/** The JSON of a suite of runs, the same from {@code run --json} and {@code POST /api/runs}. */
public final class SuiteJson {
    private SuiteJson() {
    }

    /**
     * @param runs the transcripts, in the order the runs were asked for
     * @return {@code {"runs": [transcript, …], "summary": {…}}}
     */
    public static JsonObject of(List<Transcript> runs) {
        JsonArray array = new JsonArray();
        runs.forEach(t -> array.add(TranscriptJson.of(t)));
        JsonObject json = new JsonObject();
        json.add("runs", array);
        json.add("summary", SuiteSummary.of(runs).toJson());
        return json;
    }
}
