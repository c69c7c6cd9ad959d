package org.socketlab.api;

/**
 * A task of the run failed or did not finish in time; thrown by {@link Task#join()}. Unchecked so that a
 * case can let it end the run as an error with a message that names the task.
 */
public class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the task and what went wrong
     * @param cause   the task's own failure, or {@code null} when it timed out
     */
    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
