package org.socketlab.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Outcome;
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
        return run(labCase, given, options, handle, failure -> { });
    }

    /**
     * Runs {@code labCase} once under a handle, and hands the exception behind an {@code error} outcome to
     * {@code failures}: the server writes its {@link CaseFailure#trace()} to its log. Not called for a run
     * that ended well, was cancelled, or was stopped at its time limit.
     *
     * @param labCase  the case
     * @param given    values by name; missing ones take their defaults
     * @param options  time limits, target policy and event listener
     * @param handle   a new handle, used for this run only
     * @param failures receives the failure, on the calling thread, before this method returns
     * @return the transcript, never {@code null}
     * @throws InvalidParamException if a value is invalid (the case does not run)
     * @since 1.1
     */
    public static Transcript run(LabCase labCase, Map<String, ?> given, RunOptions options, RunHandle handle,
                                 Consumer<CaseFailure> failures) {
        return run(labCase, () -> Params.resolve(labCase.params(), given), options, handle, failures);
    }

    /**
     * Runs {@code labCase} as {@link #run(LabCase, Map, RunOptions, RunHandle, Consumer)} does, with values a
     * caller has already checked with {@link Params#resolve} against the case's {@link LabCase#params()} (a
     * server does, to refuse a bad value before the run takes a slot): each value is then parsed once.
     *
     * @param labCase  the case
     * @param params   the run's values, resolved against {@code labCase.params()}
     * @param options  time limits, target policy and event listener
     * @param handle   a new handle, used for this run only
     * @param failures receives the failure, on the calling thread, before this method returns
     * @return the transcript, never {@code null}
     * @throws InvalidParamException if the case's {@code validate} refuses the values (the case does not run)
     * @since 1.1
     */
    public static Transcript run(LabCase labCase, Params params, RunOptions options, RunHandle handle,
                                 Consumer<CaseFailure> failures) {
        return run(labCase, () -> params, options, handle, failures);
    }

    private static Transcript run(LabCase labCase, Supplier<Params> params, RunOptions options, RunHandle handle,
                                  Consumer<CaseFailure> failures) {
        try {
            return runOnce(labCase, params.get(), options, handle, failures);
        } catch (InvalidParamException e) {
            handle.refused(e);
            throw e;
        } finally {
            handle.ended();
        }
    }

    private static Transcript runOnce(LabCase labCase, Params params, RunOptions options, RunHandle handle,
                                      Consumer<CaseFailure> failures) {
        CaseInfo info = labCase.info();
        String caseId = info.id();
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
        Throwable thrown = thread.failure();
        if (error == null) {
            error = unjoinedTaskFailure(context);
            thrown = error == null ? null : unjoinedFailure(context);
        }
        if (error != null && thrown != null) {
            // The transcript keeps the message and the line of the case; the whole trace goes to the caller.
            CaseFailure failure = CaseFailure.of(error, thrown);
            error = failure.location() == null ? error : error + " (at " + failure.location() + ")";
            failures.accept(new CaseFailure(error, failure.location(), thrown));
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
        if (thread.blockedAtLimit() != null) {
            error = error + "; when it was stopped, " + thread.blockedAtLimit();
        }
        var checks = recorder.checks();
        return new Transcript(Transcript.FORMAT_VERSION, caseId, runId, params.asMap(), startedAt, durationMs,
                Transcript.outcomeOf(checks, error), recorder.events(), recorder.output(), checks, error);
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
        Transcript transcript = run(labCase, params, RunOptions.defaults(), new RunHandle(),
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

    private static Throwable unjoinedFailure(RecordingContext context) {
        for (Task<?> task : context.tasks()) {
            if (!task.joined() && task.failure() != null) {
                return task.failure();
            }
        }
        return null;
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
