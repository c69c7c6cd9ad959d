package org.socketlab.server.api;

import java.util.List;

import com.google.gson.JsonObject;

import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;

/**
 * The totals of a suite of runs, and its outcome: the worst of its runs' (error over failed over passed), as
 * the exit status of {@code run} and the {@code summary} of {@code POST /api/runs} report it.
 *
 * @param total      how many runs
 * @param passed     how many passed
 * @param failed     how many failed
 * @param error      how many ended in error
 * @param durationMs the sum of the runs' durations
 * @param outcome    the worst outcome; {@code passed} for an empty suite
 */
public record SuiteSummary(int total, int passed, int failed, int error, double durationMs, Outcome outcome) {

    /** @param runs the transcripts @return their totals */
    public static SuiteSummary of(List<Transcript> runs) {
        int passed = 0;
        int failed = 0;
        int error = 0;
        double duration = 0;
        for (Transcript t : runs) {
            duration += t.durationMs();
            switch (t.outcome()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case ERROR -> error++;
            }
        }
        Outcome worst = error > 0 ? Outcome.ERROR : failed > 0 ? Outcome.FAILED : Outcome.PASSED;
        return new SuiteSummary(runs.size(), passed, failed, error, duration, worst);
    }

    /** @return {@code {"total", "passed", "failed", "error", "durationMs", "outcome"}} */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("total", total);
        json.addProperty("passed", passed);
        json.addProperty("failed", failed);
        json.addProperty("error", error);
        json.addProperty("durationMs", Math.round(durationMs * 1000) / 1000.0);
        json.addProperty("outcome", outcome.jsonName());
        return json;
    }
}
