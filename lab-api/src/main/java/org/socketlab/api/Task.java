package org.socketlab.api;

import java.time.Duration;

import org.socketlab.engine.TaskThread;

/**
 * Work running beside the case's main thread, started with {@link RunContext#start} or
 * {@link RunContext#supply}. Thread-safe.
 *
 * @param <T> the type of the value it computes ({@link Void} for {@code start})
 */
public final class Task<T> {
    private final TaskThread<T> work;

    Task(TaskThread<T> work) {
        this.work = work;
    }

    /** @return the task's name */
    public String name() {
        return work.name();
    }

    /** @return whether the task has finished, normally or not */
    public boolean isDone() {
        return work.isDone();
    }

    /**
     * Waits for the task, at most until the run's time limit.
     *
     * @return the task's value ({@code null} for {@link RunContext#start})
     * @throws TaskFailedException if the task threw, or did not finish before the run's time limit
     */
    public T join() {
        return work.join(work.remaining());
    }

    /**
     * Waits for the task at most {@code timeout}.
     *
     * @param timeout how long to wait
     * @return the task's value
     * @throws TaskFailedException if the task threw, or did not finish in time
     */
    public T join(Duration timeout) {
        return work.join(timeout);
    }
}
