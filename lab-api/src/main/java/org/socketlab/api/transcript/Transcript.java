package org.socketlab.api.transcript;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The record of one run: what every socket did, what the programs printed, the checks and the outcome.
 *
 * @param version    the format's version, {@link #FORMAT_VERSION}
 * @param caseId     the case that ran
 * @param runId      unique id of this run
 * @param params     the parameter values used, in the case's order
 * @param startedAt  when the run started
 * @param durationMs how long it took, in milliseconds
 * @param outcome    passed, failed or error; see {@link #outcomeOf}
 * @param events     everything that happened, in order
 * @param output     the text of every {@link EventKind#OUTPUT} event, in order
 * @param checks     the checks, in the order the case made them
 * @param error      what went wrong when the outcome is error, else {@code null}
 */
public record Transcript(int version, String caseId, String runId, Map<String, Object> params, Instant startedAt,
                         double durationMs, Outcome outcome, List<TranscriptEvent> events, List<String> output,
                         List<Check> checks, String error) {

    /** The transcript format's version; it changes when fields are added or change meaning (2 since lab-api 1.1). */
    public static final int FORMAT_VERSION = 2;

    /**
     * Copies the collections.
     *
     * @param version the format's version, {@link #FORMAT_VERSION}
     * @param caseId the case that ran
     * @param runId unique id of this run
     * @param params the parameter values used, in the case's order
     * @param startedAt when the run started
     * @param durationMs how long it took, in milliseconds
     * @param outcome passed, failed or error; see {@link #outcomeOf}
     * @param events everything that happened, in order
     * @param output the text of every {@link EventKind#OUTPUT} event, in order
     * @param checks the checks, in the order the case made them
     * @param error what went wrong when the outcome is error, else {@code null}
     */
    public Transcript {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(outcome, "outcome");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        events = List.copyOf(events);
        output = List.copyOf(output);
        checks = List.copyOf(checks);
    }

    /**
     * The outcome rule: {@code error} when the run has an error, else {@code failed} when any check
     * failed, else {@code passed}.
     *
     * @param checks the run's checks
     * @param error  the run's error or {@code null}
     * @return the outcome
     */
    public static Outcome outcomeOf(List<Check> checks, String error) {
        if (error != null) {
            return Outcome.ERROR;
        }
        return checks.stream().allMatch(Check::passed) ? Outcome.PASSED : Outcome.FAILED;
    }
}
