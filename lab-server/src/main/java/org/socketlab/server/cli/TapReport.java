package org.socketlab.server.cli;

import java.util.List;

import com.google.gson.JsonPrimitive;

import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.server.api.Json;

/**
 * A suite in the Test Anything Protocol, version 13: a test point per run, and for a run that did not pass a
 * YAML block with its failed checks or its error. Strings in the YAML are written as JSON strings, which are
 * valid YAML double-quoted scalars whatever they hold.
 */
public final class TapReport {
    private TapReport() {
    }

    /** @param runs the transcripts @return the TAP stream */
    public static String of(List<Transcript> runs) {
        StringBuilder tap = new StringBuilder("TAP version 13\n1..").append(runs.size()).append('\n');
        for (int i = 0; i < runs.size(); i++) {
            Transcript t = runs.get(i);
            boolean ok = t.outcome() == Outcome.PASSED;
            tap.append(ok ? "ok " : "not ok ").append(i + 1).append(" - ").append(t.caseId()).append('\n');
            if (ok) {
                continue;
            }
            tap.append("  ---\n");
            tap.append("  outcome: ").append(t.outcome().jsonName()).append('\n');
            tap.append("  severity: ").append(t.outcome() == Outcome.ERROR ? "error" : "fail").append('\n');
            tap.append("  duration_ms: ").append(t.durationMs()).append('\n');
            if (t.error() != null) {
                tap.append("  message: ").append(quoted(t.error())).append('\n');
            }
            List<Check> failed = t.checks().stream().filter(c -> !c.passed()).toList();
            if (!failed.isEmpty()) {
                if (t.error() == null) {
                    tap.append("  message: ").append(quoted(failed.get(0).name())).append('\n');
                }
                tap.append("  failed_checks:\n");
                for (Check check : failed) {
                    tap.append("    - name: ").append(quoted(check.name())).append('\n');
                    tap.append("      expected: ").append(quoted(check.expected())).append('\n');
                    tap.append("      actual: ").append(quoted(check.actual())).append('\n');
                }
            }
            tap.append("  ...\n");
        }
        return tap.toString();
    }

    private static String quoted(String text) {
        return text == null ? "null" : Json.gson().toJson(new JsonPrimitive(text));
    }
}
