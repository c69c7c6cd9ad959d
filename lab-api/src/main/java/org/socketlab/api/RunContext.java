package org.socketlab.api;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * What a case gets for one run: its parameter values, its actors (who own the recorded sockets), tasks
 * that run beside the main one, checks, and a few loopback helpers. Every method may be called from any
 * thread of the run.
 */
public interface RunContext {

    /** @return the id of the case being run */
    String caseId();

    /** @return this run's unique id */
    String runId();

    /** @return this run's parameter values, already checked */
    Params params();

    /**
     * The actor with this name, created on first use. Actors are the lanes of the sequence diagram:
     * every socket belongs to the actor that opened it.
     *
     * @param name a short name ("Alice", "Bob", "Client", "Server")
     * @return the actor; the same instance for the same name
     */
    Actor actor(String name);

    /**
     * Runs {@code body} on a thread of its own, beside the caller (a client beside its server). The run
     * is not over until the case returns; join the task to wait for it and to see its failure.
     *
     * @param name a name for the task, used in errors and thread names
     * @param body the work
     * @return a handle to join
     */
    Task<Void> start(String name, TaskBody body);

    /**
     * Like {@link #start}, for work that returns a value.
     *
     * @param name a name for the task
     * @param body the work
     * @param <T>  the type of the value
     * @return a handle whose {@link Task#join()} returns the value
     */
    <T> Task<T> supply(String name, Callable<T> body);

    /**
     * Records a check. A run whose checks all pass ends as {@code passed}; one failed check makes it
     * {@code failed}.
     *
     * @param name     what should hold, as a statement
     * @param passed   whether it held
     * @param expected what should have happened, as text; may be {@code null}
     * @param actual   what happened, as text; may be {@code null}
     * @return {@code passed}
     */
    boolean check(String name, boolean passed, String expected, String actual);

    /**
     * Records a check that {@code actual} equals {@code expected} ({@link java.util.Objects#equals}),
     * showing both with {@link String#valueOf(Object)}.
     *
     * @param name     what should hold, as a statement
     * @param expected what should have happened; may be {@code null}
     * @param actual   what happened; may be {@code null}
     * @return whether they are equal
     */
    boolean checkEquals(String name, Object expected, Object actual);

    /**
     * Adds an explanation to the transcript from the lab itself ("Bob closes before reading everything").
     *
     * @param text the note
     */
    void note(String text);

    /**
     * A TCP port on 127.0.0.1 that was free a moment ago: useful to show a refused connection. Another
     * program could take it in between; on a lab machine that is rare.
     *
     * @return a port number
     * @throws IOException if no port could be found
     */
    int freePort() throws IOException;

    /**
     * A UDP port on 127.0.0.1 that was free a moment ago.
     *
     * @return a port number
     * @throws IOException if no port could be found
     */
    int freeUdpPort() throws IOException;

    /** @return the default time limit of each blocking socket operation */
    Duration ioTimeout();

    /** @return how long the run may still take before it is stopped */
    Duration remaining();
}
