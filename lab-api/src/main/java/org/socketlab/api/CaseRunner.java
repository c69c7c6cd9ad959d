package org.socketlab.api;

import java.time.Duration;
import java.util.Map;

import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.engine.CaseFailure;
import org.socketlab.engine.Engine;
import org.socketlab.engine.RunHandle;
import org.socketlab.engine.RunSettings;

/**
 * Runs a case once and returns its transcript: the test kit of a case, for its own JUnit tests. (Socket
 * Lab's server and command line run cases with the same engine, {@code org.socketlab.engine.Engine}, which is
 * not part of the contract.)
 *
 * <pre>{@code
 * Transcript t = CaseRunner.run(new MyCase(), Map.of("bufferSize", 1024));
 * assertEquals(Outcome.PASSED, t.outcome());
 * }</pre>
 *
 * <p>Each run gets its own thread, in a thread group of its own; the case's {@code validate} and {@code run}
 * both run there, and the calling thread waits at most the run's time limit for the two: the options' limit,
 * or longer when the case asks for more with {@link LabCase#timeLimit}. A run that
 * throws, whose unjoined task failed, or that goes past its time limit ends with outcome
 * {@code error}; its sockets are closed and its threads interrupted, and the transcript keeps what
 * happened until then. A thread of the run still alive {@link #THREAD_GRACE} after that is named in the
 * transcript's error, and the outcome is {@code error}. Thread-safe: any number of runs may go on at once.
 */
public final class CaseRunner {
    /**
     * The longest time limit a case may ask for with {@link LabCase#timeLimit}: long enough for a student to
     * start a client by hand, short enough that a forgotten run ends.
     *
     * @since 1.1
     */
    public static final Duration MAX_TIME_LIMIT = Engine.MAX_TIME_LIMIT;

    /**
     * How long the threads of a run have, once interrupted at its end, to finish before they are reported as
     * still running (in the transcript's {@code error}, which makes the run's outcome {@code error}).
     *
     * @since 1.1
     */
    public static final Duration THREAD_GRACE = Engine.THREAD_GRACE;

    private CaseRunner() {
    }

    /**
     * Runs {@code labCase} with its defaults and {@link RunOptions#defaults()}.
     *
     * @param labCase the case
     * @return the transcript
     */
    public static Transcript run(LabCase labCase) {
        return run(labCase, Map.of(), RunOptions.defaults());
    }

    /**
     * Runs {@code labCase} with these parameter values and {@link RunOptions#defaults()}.
     *
     * @param labCase the case
     * @param params  values by name; missing ones take their defaults
     * @return the transcript
     * @throws InvalidParamException if a value is invalid (the case does not run)
     */
    public static Transcript run(LabCase labCase, Map<String, ?> params) {
        return run(labCase, params, RunOptions.defaults());
    }

    /**
     * Runs {@code labCase} once.
     *
     * @param labCase the case
     * @param given   values by name; missing ones take their defaults
     * @param options time limits, target policy and event listener
     * @return the transcript, never {@code null}
     * @throws InvalidParamException if a value is invalid (the case does not run)
     */
    public static Transcript run(LabCase labCase, Map<String, ?> given, RunOptions options) {
        return Engine.run(labCase, given, RunSettings.of(options), new RunHandle(), failure -> { });
    }

    /**
     * Runs {@code labCase} as {@link #run(LabCase, Map)} does and returns the transcript if every check
     * passed: the one-line JUnit test of a case. Otherwise throws an {@link AssertionError} that lists the
     * failed checks and the run's error; when the case threw, the exception is its cause, so the test
     * report shows its stack trace, and the message lists the frames of the case's own classes first.
     *
     * @param labCase the case
     * @param params  values by name; missing ones take their defaults
     * @return the transcript of a passed run
     * @throws AssertionError        if the run failed or ended as an error
     * @throws InvalidParamException if a value is invalid (the case does not run)
     * @since 1.1
     */
    public static Transcript requirePassed(LabCase labCase, Map<String, ?> params) {
        CaseFailure[] thrown = new CaseFailure[1];
        Transcript transcript = Engine.run(labCase, params, RunSettings.defaults(), new RunHandle(),
                failure -> thrown[0] = failure);
        if (transcript.outcome() == Outcome.PASSED) {
            return transcript;
        }
        StringBuilder message = new StringBuilder("case " + transcript.caseId() + " " + transcript.outcome().jsonName());
        if (transcript.error() != null) {
            message.append(": ").append(transcript.error());
        }
        for (Check check : transcript.checks()) {
            if (!check.passed()) {
                message.append("\n  failed check: ").append(check.name()).append("\n    expected: ")
                        .append(check.expected()).append("\n    actual:   ").append(check.actual());
            }
        }
        if (thrown[0] != null) {
            message.append("\nthe case's frames, innermost first:\n").append(thrown[0].caseFrames());
        }
        throw new AssertionError(message.toString(), thrown[0] == null ? null : thrown[0].cause());
    }
}
