package org.socketlab.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.socketlab.api.CaseInfo;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.LabCase;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.transcript.Transcript;

/**
 * Runs a case once and returns its transcript: what Socket Lab's server and command line call (and the
 * contract's {@code CaseRunner}, a case's test kit).
 *
 * <p>Each run gets its own thread, in a thread group of its own; the case's {@code validate} and {@code run}
 * both run there, and the calling thread waits at most the run's time limit for the two: the settings' limit,
 * or longer when the case asks for more with {@code LabCase.timeLimit}. A run that throws, whose unjoined task
 * failed, or that goes past its time limit ends with outcome {@code error}; its sockets are closed and its
 * threads interrupted, and the transcript keeps what happened until then. A thread of the run still alive
 * {@link #THREAD_GRACE} after that is named in the transcript's error. Thread-safe: any number of runs may go
 * on at once.
 */
public final class Engine {
    /** The longest time limit a case may ask for with {@code LabCase.timeLimit}. */
    public static final Duration MAX_TIME_LIMIT = Duration.ofHours(1);

    /** How long the threads of a run have, once interrupted at its end, to finish before they are reported. */
    public static final Duration THREAD_GRACE = Duration.ofMillis(500);

    private Engine() {
    }

    /**
     * Checks the values a caller gave against a case's parameters and fills in the defaults.
     *
     * @param specs the case's parameters
     * @param given the caller's values by name (may be {@code null} or empty: all defaults)
     * @return every parameter's value, in the order of {@code specs}
     * @throws InvalidParamException for the first unknown name or invalid value
     */
    public static Params resolve(List<ParamSpec> specs, Map<String, ?> given) {
        return ContractAccess.get().newParams(specs, given);
    }

    /**
     * Runs {@code labCase} once under a handle, and hands the exception behind an {@code error} outcome to
     * {@code failures}: the server writes its {@link CaseFailure#trace()} to its log. Not called for a run
     * that ended well, was cancelled, or was stopped at its time limit.
     *
     * @param labCase  the case
     * @param given    values by name; missing ones take their defaults
     * @param settings time limits, targets and event listener
     * @param handle   a new handle, used for this run only; its run id becomes the transcript's
     * @param failures receives the failure, on the calling thread, before this method returns
     * @return the transcript, never {@code null}; outcome {@code error} and error {@link RunHandle#CANCELLED}
     *         if the handle cancelled the run
     * @throws InvalidParamException if a value is invalid (the case does not run)
     */
    public static Transcript run(LabCase labCase, Map<String, ?> given, RunSettings settings, RunHandle handle,
                                 Consumer<CaseFailure> failures) {
        return run(labCase, () -> resolve(labCase.params(), given), settings, handle, failures);
    }

    /**
     * Runs {@code labCase} as {@link #run(LabCase, Map, RunSettings, RunHandle, Consumer)} does, with values a
     * caller has already checked with {@link #resolve} against the case's {@code params()} (the server does, to
     * refuse a bad value before the run takes a slot): each value is then parsed once.
     *
     * @param labCase  the case
     * @param params   the run's values, resolved against {@code labCase.params()}
     * @param settings time limits, targets and event listener
     * @param handle   a new handle, used for this run only
     * @param failures receives the failure, on the calling thread, before this method returns
     * @return the transcript, never {@code null}
     * @throws InvalidParamException if the case's {@code validate} refuses the values (the case does not run)
     */
    public static Transcript run(LabCase labCase, Params params, RunSettings settings, RunHandle handle,
                                 Consumer<CaseFailure> failures) {
        return run(labCase, () -> params, settings, handle, failures);
    }

    private static Transcript run(LabCase labCase, Supplier<Params> params, RunSettings settings, RunHandle handle,
                                  Consumer<CaseFailure> failures) {
        try {
            return runOnce(labCase, params.get(), settings, handle, failures);
        } catch (InvalidParamException e) {
            handle.refused(e);
            throw e;
        } finally {
            handle.ended();
        }
    }

    private static Transcript runOnce(LabCase labCase, Params params, RunSettings settings, RunHandle handle,
                                      Consumer<CaseFailure> failures) {
        CaseInfo info = labCase.info();
        String caseId = info.id();
        String runId = handle.runId();
        Instant startedAt = Instant.now();
        // A case may ask for a longer limit than the settings' (it waits for a student's client): asked here,
        // before the run's thread starts, since that thread and the context both keep to the limit.
        RunSettings runSettings = settings.withTimeLimit(timeLimit(labCase, params, settings));
        RecordingContext context = new RecordingContext(caseId, runId, params, runSettings, info.programs());
        RunThreads threads = new RunThreads(caseId);
        // validate() is the case's code too: it runs on the run's thread, under the run's time limit; the
        // handle learns that the run started once it has passed.
        RunThread thread = new RunThread(labCase, context, threads, handle::accepted);
        handle.stoppable(thread::cancel);
        String error;
        try {
            error = thread.runWithin(runSettings.timeLimit());
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

    private static Throwable unjoinedFailure(RecordingContext context) {
        for (TaskThread<?> task : context.tasks()) {
            if (!task.joined() && task.failure() != null) {
                return task.failure();
            }
        }
        return null;
    }

    // A case may ask for more time than the standard limit (it waits for a student's client), never less.
    private static Duration timeLimit(LabCase labCase, Params params, RunSettings settings) {
        Duration standard = settings.timeLimit();
        Duration asked = CaseTimeLimit.ask(labCase, params, standard);
        if (asked == null || asked.compareTo(standard) <= 0) {
            return standard;
        }
        Duration most = standard.compareTo(MAX_TIME_LIMIT) > 0 ? standard : MAX_TIME_LIMIT;
        return asked.compareTo(most) > 0 ? most : asked;
    }

    private static String unjoinedTaskFailure(RecordingContext context) {
        for (TaskThread<?> task : context.tasks()) {
            Throwable failure = task.failure();
            if (!task.joined() && failure != null) {
                return task.name() + " failed: " + Failures.describe(failure);
            }
        }
        return null;
    }
}
