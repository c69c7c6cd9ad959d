package org.socketlab.server.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.server.api.SuiteSummary;

/**
 * A suite as a Gradescope autograder's {@code results.json}: a test per check, each worth an equal share of its
 * case's weight (1 point unless {@code --weight CASE=POINTS} says otherwise), so the maximum score does not
 * depend on how many checks a run got to make. A run that ended in error is one test scored 0 of the case's
 * whole weight.
 */
public final class GradescopeReport {
    private GradescopeReport() {
    }

    /**
     * @param runs    the transcripts
     * @param weights points per case id; a case not in it weighs 1
     * @param tagsOf  a case's tags by id
     * @return the document
     */
    public static JsonObject of(List<Transcript> runs, Map<String, Double> weights,
                                Function<String, List<String>> tagsOf) {
        JsonArray tests = new JsonArray();
        double score = 0;
        for (int i = 0; i < runs.size(); i++) {
            Transcript t = runs.get(i);
            double weight = weights.getOrDefault(t.caseId(), 1.0);
            JsonArray tags = new JsonArray();
            tagsOf.apply(t.caseId()).forEach(tags::add);
            if (t.outcome() == Outcome.ERROR || t.checks().isEmpty()) {
                // No checks to share the weight: the run as a whole is the test (an error scores 0).
                boolean passed = t.outcome() == Outcome.PASSED;
                String output = t.error() != null ? "The lab could not run the case: " + t.error()
                        : "The case passed; it makes no checks of its own.";
                score += passed ? weight : 0;
                tests.add(test(t.caseId() + ": the case runs", (i + 1) + ".1", passed ? weight : 0, weight, passed,
                        output, tags));
                continue;
            }
            double share = weight / t.checks().size();
            for (int j = 0; j < t.checks().size(); j++) {
                Check check = t.checks().get(j);
                double points = check.passed() ? share : 0;
                score += points;
                tests.add(test(t.caseId() + ": " + check.name(), (i + 1) + "." + (j + 1), points, share,
                        check.passed(), output(check), tags));
            }
        }
        JsonObject results = new JsonObject();
        results.addProperty("score", rounded(score));
        results.addProperty("execution_time", Math.round(SuiteSummary.of(runs).durationMs() / 1000));
        results.addProperty("output", SuiteText.total(SuiteSummary.of(runs), SuiteSummary.of(runs).durationMs()).strip());
        results.addProperty("output_format", "text");
        results.addProperty("test_output_format", "text");
        results.addProperty("test_name_format", "text");
        results.addProperty("visibility", "visible");
        results.addProperty("stdout_visibility", "hidden");
        results.add("tests", tests);
        return results;
    }

    private static JsonObject test(String name, String number, double score, double maxScore, boolean passed,
                                   String output, JsonArray tags) {
        JsonObject test = new JsonObject();
        test.addProperty("name", name);
        test.addProperty("number", number);
        test.addProperty("score", rounded(score));
        test.addProperty("max_score", rounded(maxScore));
        test.addProperty("status", passed ? "passed" : "failed");
        test.addProperty("output", output);
        test.add("tags", tags);
        test.addProperty("visibility", "visible");
        return test;
    }

    private static String output(Check check) {
        if (check.passed()) {
            return "Passed.";
        }
        return "expected: " + (check.expected() == null ? "(nothing)" : check.expected()) + "\nactual:   "
                + (check.actual() == null ? "(nothing)" : check.actual());
    }

    // A third of a point is 0.3333 in the file: Gradescope shows scores with few decimals anyway.
    private static double rounded(double points) {
        return Math.round(points * 10_000) / 10_000.0;
    }
}
