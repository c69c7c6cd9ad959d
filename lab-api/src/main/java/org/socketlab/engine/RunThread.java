package org.socketlab.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.socketlab.api.InvalidParamException;
import org.socketlab.api.LabCase;

/**
 * Runs a case's {@code validate} and {@code run} on a thread of its own, in a thread group of its own, so
 * that the caller stops waiting at the time limit or a cancel, and every thread the case started can be
 * found, stopped and reported when the run ends (see {@link RunThreads}).
 */
final class RunThread {
    /** Beyond run() and the tasks, the threads of the run a time-out message describes; the rest are counted. */
    private static final int MAX_OTHER_THREADS = 5;
    private final LabCase labCase;
    private final RecordingContext context;
    private final RunThreads threads;
    private final Runnable onValidated;
    private final CountDownLatch over = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile String blockedAtLimit;
    private volatile InvalidParamException invalid;
    private volatile boolean validated;
    private volatile boolean stopped;
    private volatile boolean cancelled;

    /** @param onValidated called on the run's thread once {@code validate} passed, before {@code run} */
    RunThread(LabCase labCase, RecordingContext context, RunThreads threads, Runnable onValidated) {
        this.labCase = labCase;
        this.context = context;
        this.threads = threads;
        this.onValidated = onValidated;
    }

    /**
     * Validates the parameters, then runs the case, within {@code limit} for both.
     *
     * @return the run's error, or {@code null} if it completed
     * @throws InvalidParamException if the case's {@code validate} refused a value
     */
    String runWithin(Duration limit) {
        if (cancelled) {
            return RunHandle.CANCELLED;
        }
        Thread thread = threads.newThread(this::body, "socketlab-" + context.caseId() + "-main");
        thread.start();
        boolean ended;
        try {
            // Ends when the body returns, the limit passes, or cancel() is called.
            ended = over.await(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(thread);
            return "the run was interrupted (the server is stopping)";
        }
        if (cancelled) {
            stop(thread);
            return RunHandle.CANCELLED;
        }
        if (!ended) {
            // Read before the interrupt, which may let validate() return and run() begin.
            boolean inRun = validated;
            // Taken before the sockets are closed, so that it names what each thread was waiting for.
            blockedAtLimit = inRun ? blockedOn(thread) : null;
            stop(thread);
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

    /** @return the exception the case's {@code validate} or {@code run} threw, or {@code null} */
    Throwable failure() {
        return failure;
    }

    /**
     * @return for a run stopped at its time limit, what each of its threads was doing at that moment
     *         ("run() waited in TcpConnection.recv, called from ..."); else {@code null}
     */
    String blockedAtLimit() {
        return blockedAtLimit;
    }

    private String blockedOn(Thread main) {
        List<String> blocked = new ArrayList<>();
        blocked.add(Frames.blockedOn("run()", main));
        blocked.addAll(Frames.blockedOn(context.tasks()));
        // Threads the case started itself (new Thread, an executor's workers) are the run's too.
        Set<Thread> named = new HashSet<>();
        named.add(main);
        context.tasks().forEach(task -> named.add(task.thread()));
        List<Thread> others = threads.alive().stream().filter(t -> !named.contains(t)).toList();
        for (Thread other : others.subList(0, Math.min(others.size(), MAX_OTHER_THREADS))) {
            blocked.add(Frames.blockedOn("thread '" + other.getName() + "'", other));
        }
        if (others.size() > MAX_OTHER_THREADS) {
            blocked.add("and " + (others.size() - MAX_OTHER_THREADS) + " other threads");
        }
        return String.join("; ", blocked);
    }

    /** Ends the wait of {@link #runWithin} at once; the run then ends as cancelled. Idempotent. */
    void cancel() {
        cancelled = true;
        over.countDown();
    }

    private void stop(Thread thread) {
        stopped = true;
        context.recorder().freeze();
        context.shutdown();
        thread.interrupt();
    }

    private void body() {
        try {
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
            if (stopped || cancelled) {
                // validate() returned only once the run had been stopped.
                return;
            }
            onValidated.run();
            try {
                labCase.run(context);
            } catch (Throwable t) {
                // Every failure of the case's code ends the run as an error; nothing is rethrown to the
                // runner's thread, which reports it in the transcript instead.
                failure = t;
            }
        } finally {
            over.countDown();
        }
    }
}
