package org.socketlab.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.socketlab.api.transcript.Transcript;

/**
 * Runs a case once and returns its transcript. Socket Lab's server and command line run cases through
 * it, and so can a plugin's own JUnit tests:
 *
 * <pre>{@code
 * Transcript t = CaseRunner.run(new MyCase(), Map.of("bufferSize", 1024));
 * assertEquals(Outcome.PASSED, t.outcome());
 * }</pre>
 *
 * <p>Each run gets its own thread; the calling thread waits at most the run's time limit. A run that
 * throws, whose unjoined task failed, or that goes past its time limit ends with outcome
 * {@code error}; its sockets are closed and its tasks interrupted, and the transcript keeps what
 * happened until then. Thread-safe: any number of runs may go on at once.
 */
public final class CaseRunner {
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
        return run(labCase, given, options, new RunHandle());
    }

    /**
     * Runs {@code labCase} once under a handle that names the run before it starts and can cancel it.
     *
     * @param labCase the case
     * @param given   values by name; missing ones take their defaults
     * @param options time limits, target policy and event listener
     * @param handle  a new handle, used for this run only; its {@link RunHandle#runId()} becomes the
     *                transcript's run id
     * @return the transcript, never {@code null}; outcome {@code error} and error
     *         {@link RunHandle#CANCELLED} if the handle cancelled the run
     * @throws InvalidParamException if a value is invalid (the case does not run)
     * @since 1.1
     */
    public static Transcript run(LabCase labCase, Map<String, ?> given, RunOptions options, RunHandle handle) {
        try {
            return runOnce(labCase, given, options, handle);
        } catch (InvalidParamException e) {
            handle.refused(e);
            throw e;
        } finally {
            handle.ended();
        }
    }

    private static Transcript runOnce(LabCase labCase, Map<String, ?> given, RunOptions options, RunHandle handle) {
        String caseId = labCase.info().id();
        Params params = Params.resolve(labCase.params(), given);
        String invalid = validate(labCase, params);
        String runId = handle.runId();
        Instant startedAt = Instant.now();
        RecordingContext context = new RecordingContext(caseId, runId, params, options);
        RunThread thread = new RunThread(labCase, context);
        handle.started(thread::cancel);
        String error = invalid != null ? invalid : thread.runWithin(options.timeLimit());
        if (error == null) {
            error = unjoinedTaskFailure(context);
        }
        Recorder recorder = context.recorder();
        double durationMs = recorder.elapsedMillis();
        recorder.freeze();
        context.shutdown();
        var checks = recorder.checks();
        return new Transcript(Transcript.FORMAT_VERSION, caseId, runId, params.asMap(), startedAt, durationMs,
                Transcript.outcomeOf(checks, error), recorder.events(), recorder.output(), checks, error);
    }

    // A validate() that throws anything but InvalidParamException is a bug of the case, not of the caller.
    private static String validate(LabCase labCase, Params params) {
        try {
            labCase.validate(params);
            return null;
        } catch (InvalidParamException e) {
            throw e;
        } catch (RuntimeException e) {
            return "the case could not check its parameters: " + Failures.describe(e);
        }
    }

    private static String unjoinedTaskFailure(RecordingContext context) {
        for (Task<?> task : context.tasks()) {
            Throwable failure = task.failure();
            if (!task.joined() && failure != null) {
                return task.name() + " failed: " + Failures.describe(failure);
            }
        }
        return null;
    }
}
