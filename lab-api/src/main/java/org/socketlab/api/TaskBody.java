package org.socketlab.api;

/** Work for {@link RunContext#start}: like {@link Runnable}, but it may throw. */
@FunctionalInterface
public interface TaskBody {
    /**
     * Does the work.
     *
     * @throws Exception anything; it fails the task, and {@link Task#join()} reports it
     */
    void run() throws Exception;
}
