package org.socketlab.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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
    public static final Duration MAX_TIME_LIMIT = Duration.ofHours(1);

    /**
     * How long the threads of a run have, once interrupted at its end, to finish before they are reported as
     * still running (in the transcript's {@code error}, which makes the run's outcome {@code error}).
     *
     * @since 1.1
     */
    public static final Duration THREAD_GRACE = Duration.ofMillis(500);

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
        CaseInfo info = labCase.info();
        String caseId = info.id();
        Params params = Params.resolve(labCase.params(), given);
        String runId = handle.runId();
        Instant startedAt = Instant.now();
        // A case may ask for a longer limit than the options' (it waits for a student's client): asked here,
        // before the run's thread starts, since that thread and the context both keep to the limit.
        RunOptions runOptions = options.withTimeLimit(timeLimit(labCase, params, options));
        RecordingContext context = new RecordingContext(caseId, runId, params, runOptions, info.programs());
        RunThreads threads = new RunThreads(caseId);
        // validate() is the case's code too: it runs on the run's thread, under the run's time limit; the
        // handle learns that the run started once it has passed.
        RunThread thread = new RunThread(labCase, context, threads, handle::accepted);
        handle.stoppable(thread::cancel);
        String error;
        try {
            error = thread.runWithin(runOptions.timeLimit());
        } catch (InvalidParamException e) {
            context.recorder().freeze();
            context.shutdown();
            threads.stop(THREAD_GRACE);
            throw e;
        }
        if (error == null) {
            error = unjoinedTaskFailure(context);
        }
        Recorder recorder = context.recorder();
        double durationMs = recorder.elapsedMillis();
        recorder.freeze();
        context.shutdown();
        // A thread that outlives its run is a bug of the case: it would go on using the machine unseen.
        String leaked = threads.stop(THREAD_GRACE);
        if (leaked != null && !RunHandle.CANCELLED.equals(error)) {
            error = error == null ? leaked : error + "; " + leaked;
        }
        var checks = recorder.checks();
        return new Transcript(Transcript.FORMAT_VERSION, caseId, runId, params.asMap(), startedAt, durationMs,
                Transcript.outcomeOf(checks, error), recorder.events(), recorder.output(), checks, error);
    }

    // A case may ask for more time than the standard limit (it waits for a student's client), never less.
    private static Duration timeLimit(LabCase labCase, Params params, RunOptions options) {
        Duration standard = options.timeLimit();
        Duration asked = CaseTimeLimit.ask(labCase, params, standard);
        if (asked == null || asked.compareTo(standard) <= 0) {
            return standard;
        }
        Duration most = standard.compareTo(MAX_TIME_LIMIT) > 0 ? standard : MAX_TIME_LIMIT;
        return asked.compareTo(most) > 0 ? most : asked;
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
