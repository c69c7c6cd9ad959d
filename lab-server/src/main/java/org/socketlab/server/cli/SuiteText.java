package org.socketlab.server.cli;

import java.util.Locale;

import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.server.api.SuiteSummary;

/** The text of a suite for a terminal or a CI log: a line a case as it ends, then the total. */
public final class SuiteText {
    private static final int MAX_REASON_CHARS = 160;

    private SuiteText() {
    }

    /**
     * @param t a finished run
     * @return {@code "PASSED  case-id  12.3 ms  3/3 checks"}, with the first failed check or the error after a
     *         failure, ending with a line break
     */
    public static String line(Transcript t) {
        long passed = t.checks().stream().filter(Check::passed).count();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-7s %-28s %9.1f ms  %d/%d checks",
                t.outcome().jsonName().toUpperCase(Locale.ROOT), t.caseId(), t.durationMs(), passed, t.checks().size()));
        if (t.error() != null) {
            line.append("  error: ").append(shortened(t.error()));
        } else {
            t.checks().stream().filter(c -> !c.passed()).findFirst().ifPresent(c -> {
                line.append("  failed: ").append(shortened(c.name()));
                if (c.expected() != null || c.actual() != null) {
                    line.append(" (expected ").append(shortened(String.valueOf(c.expected()))).append(", got ")
                            .append(shortened(String.valueOf(c.actual()))).append(')');
                }
            });
        }
        return line.append('\n').toString();
    }

    /**
     * @param summary   the suite's totals
     * @param elapsedMs how long the suite took, by the clock (less than the sum of its runs with {@code --jobs})
     * @return {@code "3 cases: 2 passed, 1 failed, 0 error in 0.2 s (outcome: failed)"}, ending with a line break
     */
    public static String total(SuiteSummary summary, double elapsedMs) {
        return String.format(Locale.ROOT, "%d %s: %d passed, %d failed, %d error in %.1f s (outcome: %s)%n",
                summary.total(), summary.total() == 1 ? "case" : "cases", summary.passed(), summary.failed(),
                summary.error(), elapsedMs / 1000, summary.outcome().jsonName());
    }

    private static String shortened(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > MAX_REASON_CHARS ? oneLine.substring(0, MAX_REASON_CHARS) + "..." : oneLine;
    }
}
