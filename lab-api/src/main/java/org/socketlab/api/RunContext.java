package org.socketlab.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.TranscriptEvent;

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
     * Records a check that two lists are equal, item by item in order. When they are not, {@code actual}
     * says which items are missing and which are extra (or that the same items came in another order).
     *
     * @param name     what should hold, as a statement
     * @param expected the list that should have come
     * @param actual   the list that came
     * @return whether they are equal
     * @since 1.1
     */
    default boolean checkList(String name, List<?> expected, List<?> actual) {
        Check check = Checks.list(name, expected, actual);
        return check(check.name(), check.passed(), check.expected(), check.actual());
    }

    /**
     * Records a check that two collections hold the same items, in any order (each item as often in
     * one as in the other). When they do not, {@code actual} says which are missing and which are extra.
     *
     * @param name     what should hold, as a statement
     * @param expected the items that should have come
     * @param actual   the items that came
     * @return whether they hold the same items
     * @since 1.1
     */
    default boolean checkSameItems(String name, Collection<?> expected, Collection<?> actual) {
        Check check = Checks.set(name, expected, actual);
        return check(check.name(), check.passed(), check.expected(), check.actual());
    }

    /**
     * Records one check for a group ("every client got every message"), instead of one per member: it
     * passes when {@code test} holds for every item, and otherwise names the first few that failed.
     *
     * @param name     what should hold, as a statement
     * @param items    the members of the group
     * @param test     what must hold for each
     * @param describe how to name a member that failed ("Client 3: got 2 of 3 lines")
     * @param <T>      the type of the members
     * @return whether it held for all
     * @since 1.1
     */
    default <T> boolean checkAll(String name, Collection<T> items, Predicate<? super T> test,
                                 Function<? super T, String> describe) {
        Check check = Checks.all(name, items, test, describe);
        return check(check.name(), check.passed(), check.expected(), check.actual());
    }

    /**
     * Records a check that two byte arrays are equal, showing both as text when they are printable UTF-8
     * and as hex ({@code hex 00 1c 81 80}) otherwise, with the index of the first byte that differs.
     *
     * @param name     what should hold, as a statement
     * @param expected the bytes that should have come; may be {@code null}
     * @param actual   the bytes that came; may be {@code null}
     * @return whether they are equal
     * @since 1.1
     */
    default boolean checkBytes(String name, byte[] expected, byte[] actual) {
        Check check = Checks.bytes(name, expected, actual);
        return check(check.name(), check.passed(), check.expected(), check.actual());
    }

    /**
     * The events this run has recorded so far, in the transcript's order: lets a case check what
     * happened on the wire ("the server accepted exactly one connection"). A snapshot; later events are
     * not added to it.
     *
     * @return the events so far, unmodifiable
     * @since 1.1
     */
    default List<TranscriptEvent> events() {
        throw new UnsupportedOperationException("this RunContext does not record events");
    }

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
