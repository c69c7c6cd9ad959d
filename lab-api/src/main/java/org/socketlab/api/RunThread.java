package org.socketlab.api;

import java.time.Duration;

/**
 * Runs a case's {@code validate} and {@code run} on a thread of its own, in a thread group of its own, so
 * that the caller stops waiting at the time limit, and every thread the case started can be found, stopped
 * and reported when the run ends (see {@link RunThreads}).
 */
final class RunThread {
    private final LabCase labCase;
    private final RecordingContext context;
    private final RunThreads threads;
    private volatile Throwable failure;
    private volatile InvalidParamException invalid;
    private volatile boolean validated;
    private volatile boolean stopped;

    RunThread(LabCase labCase, RecordingContext context, RunThreads threads) {
        this.labCase = labCase;
        this.context = context;
        this.threads = threads;
    }

    /**
     * Validates the parameters, then runs the case, within {@code limit} for both.
     *
     * @return the run's error, or {@code null} if it completed
     * @throws InvalidParamException if the case's {@code validate} refused a value
     */
    String runWithin(Duration limit) {
        Thread thread = threads.newThread(this::body, "socketlab-" + context.caseId() + "-main");
        thread.start();
        try {
            thread.join(Math.max(1, limit.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return "the run was interrupted (the server is stopping)";
        }
        if (thread.isAlive()) {
            // Read before the interrupt, which may let validate() return and run() begin.
            boolean inRun = validated;
            stopped = true;
            context.recorder().freeze();
            context.shutdown();
            thread.interrupt();
            return inRun
                    ? "the run went past its time limit of " + limit.toMillis() + " ms and was stopped"
                    : "the case's validate() did not return within the run's time limit of " + limit.toMillis()
                            + " ms";
        }
        if (invalid != null) {
            throw invalid;
        }
        Throwable cause = failure;
        if (cause == null) {
            return null;
        }
        return validated ? Failures.describe(cause)
                : "the case could not check its parameters: " + Failures.describe(cause);
    }

    private void body() {
        try {
            labCase.validate(context.params());
        } catch (InvalidParamException e) {
            invalid = e;
            return;
        } catch (Throwable t) {
            // A validate() that throws anything else is a bug of the case, not of the caller.
            failure = t;
            return;
        }
        validated = true;
        if (stopped) {
            // validate() returned only once the time limit had stopped the run.
            return;
        }
        try {
            labCase.run(context);
        } catch (Throwable t) {
            // Every failure of the case's code ends the run as an error; nothing is rethrown to the runner's
            // thread, which reports it in the transcript instead.
            failure = t;
        }
    }
}
