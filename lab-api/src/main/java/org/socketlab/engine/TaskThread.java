package org.socketlab.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.socketlab.api.TaskFailedException;

/**
 * The thread and result of one task of a run ({@code RunContext.start} or {@code supply}): what the case's
 * {@code Task} shows, and what the runner looks at when the run ends (was it joined, did it fail, where is
 * its thread). Thread-safe.
 *
 * @param <T> the type of the value it computes
 */
public final class TaskThread<T> {
    private final String name;
    private final FutureTask<T> future;
    private final RecordingContext context;
    private final Thread thread;
    private volatile boolean joined;

    TaskThread(String name, Callable<T> body, RecordingContext context) {
        this.name = name;
        this.context = context;
        this.future = new FutureTask<>(body);
        this.thread = new Thread(future, "socketlab-" + context.caseId() + "-" + name);
        this.thread.setDaemon(true);
    }

    void begin() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    boolean joined() {
        return joined;
    }

    /** @return the task's name */
    public String name() {
        return name;
    }

    /** @return whether the task has finished, normally or not */
    public boolean isDone() {
        return future.isDone();
    }

    /** @return what is left of the run's time limit */
    public Duration remaining() {
        return context.remaining();
    }

    /**
     * Waits for the task at most {@code timeout}.
     *
     * @param timeout how long to wait
     * @return the task's value
     * @throws TaskFailedException if the task threw, or did not finish in time
     */
    public T join(Duration timeout) {
        joined = true;
        try {
            return future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new TaskFailedException(name + " failed: " + Failures.describe(cause), cause);
        } catch (TimeoutException e) {
            throw new TaskFailedException(name + " did not finish within " + timeout.toMillis() + " ms", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException("interrupted while waiting for " + name, e);
        }
    }

    /** @return the failure of a finished task, or {@code null} if it succeeded or is still running */
    Throwable failure() {
        if (!future.isDone() || future.isCancelled()) {
            return null;
        }
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
