package org.socketlab.api;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs a case's main body on a thread of its own so that the caller can stop waiting at the time limit. */
final class RunThread {
    private final LabCase labCase;
    private final RecordingContext context;
    private final CountDownLatch over = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile boolean cancelled;

    RunThread(LabCase labCase, RecordingContext context) {
        this.labCase = labCase;
        this.context = context;
    }

    /** @return the run's error, or {@code null} if it completed */
    String runWithin(Duration limit) {
        if (cancelled) {
            return RunHandle.CANCELLED;
        }
        Thread thread = new Thread(this::body, "socketlab-" + context.caseId() + "-main");
        thread.setDaemon(true);
        thread.start();
        boolean ended;
        try {
            // Ends when the body returns, the limit passes, or cancel() is called.
            ended = over.await(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return "the run was interrupted (the server is stopping)";
        }
        if (cancelled) {
            context.recorder().freeze();
            context.shutdown();
            thread.interrupt();
            return RunHandle.CANCELLED;
        }
        if (!ended) {
            String blocked = blockedOn(thread);
            context.recorder().freeze();
            context.shutdown();
            thread.interrupt();
            return "the run went past its time limit of " + limit.toMillis() + " ms and was stopped" + blocked;
        }
        Throwable cause = failure;
        return cause == null ? null : Failures.describe(cause);
    }

    /** @return the exception the case's {@code run} threw, or {@code null} */
    Throwable failure() {
        return failure;
    }

    // Taken before the sockets are closed, so that it names what each thread was waiting for.
    private String blockedOn(Thread main) {
        java.util.List<String> threads = new java.util.ArrayList<>();
        threads.add(Frames.blockedOn("run()", main));
        threads.addAll(Frames.blockedOn(context.tasks()));
        return "; still running: " + String.join("; ", threads);
    }

    /** Ends the wait of {@link #runWithin} at once; the run then ends as cancelled. Idempotent. */
    void cancel() {
        cancelled = true;
        over.countDown();
    }

    private void body() {
        try {
            labCase.run(context);
        } catch (Throwable t) {
            // Every failure of the case's code ends the run as an error; nothing is rethrown to the runner's
            // thread, which reports it in the transcript instead.
            failure = t;
        } finally {
            over.countDown();
        }
    }
}
