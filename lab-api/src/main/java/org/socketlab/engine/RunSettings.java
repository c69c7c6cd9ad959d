package org.socketlab.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.socketlab.api.RunOptions;
import org.socketlab.api.transcript.TranscriptEvent;

/**
 * How the engine holds a run in bounds: what a host (Socket Lab's server and command line) sets for every
 * run. The contract's {@link RunOptions} is the part a case's test sets, and becomes one of these.
 *
 * @param timeLimit        the longest a run may take before it is stopped and ends as an error (a case may ask
 *                         for longer with {@code LabCase.timeLimit})
 * @param ioTimeout        the default time limit of each blocking socket operation (connect, accept, recv); a
 *                         case may set a shorter one per socket
 * @param targets          which hosts and ports the run may reach
 * @param maxEvents        events beyond this many are not recorded (a note says so)
 * @param maxRecordedBytes payload bytes beyond this many are not recorded (a note says so)
 * @param listener         receives each event as it is recorded, on the thread that caused it, under the
 *                         recorder's lock: it must not block; may be {@code null}. A send or connect is recorded
 *                         when it completes but stamped with the time it began, so it can arrive after an event
 *                         with a later {@code atMs}: ordered by {@code atMs} (stably), the events are the
 *                         transcript's events in the transcript's order
 */
public record RunSettings(Duration timeLimit, Duration ioTimeout, Targets targets, int maxEvents,
                          long maxRecordedBytes, Consumer<TranscriptEvent> listener) {

    /** A run that takes longer is stopped: long enough for the lessons about time-outs, short enough to wait for. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
    /** Long enough for any exchange on loopback, short enough that a lost peer is noticed. */
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(5);
    /** Enough for every built-in case many times over. */
    public static final int DEFAULT_MAX_EVENTS = 10_000;
    /** Bounds the memory one transcript can take. */
    public static final long DEFAULT_MAX_RECORDED_BYTES = 4L * 1024 * 1024;

    /**
     * Checks the components.
     *
     * @param timeLimit        the longest a run may take
     * @param ioTimeout        the default time limit of each blocking socket operation
     * @param targets          which hosts and ports the run may reach
     * @param maxEvents        events beyond this many are not recorded
     * @param maxRecordedBytes payload bytes beyond this many are not recorded
     * @param listener         receives each event as it is recorded; may be {@code null}
     * @throws IllegalArgumentException if a limit is not positive
     */
    public RunSettings {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(ioTimeout, "ioTimeout");
        Objects.requireNonNull(targets, "targets");
        if (timeLimit.isNegative() || timeLimit.isZero() || ioTimeout.isNegative() || ioTimeout.isZero()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (maxEvents < 1 || maxRecordedBytes < 0) {
            throw new IllegalArgumentException("maxEvents must be positive and maxRecordedBytes not negative");
        }
    }

    /** @return the defaults: 10 s a run, 5 s a socket operation, loopback only, no listener */
    public static RunSettings defaults() {
        return new RunSettings(DEFAULT_TIME_LIMIT, DEFAULT_IO_TIMEOUT, Targets.loopbackOnly(), DEFAULT_MAX_EVENTS,
                DEFAULT_MAX_RECORDED_BYTES, null);
    }

    /**
     * @param options the options a test gave {@code CaseRunner}
     * @return the same bounds as settings
     */
    public static RunSettings of(RunOptions options) {
        return new RunSettings(options.timeLimit(), options.ioTimeout(), new Targets(options.targets().allowRemote()),
                options.maxEvents(), options.maxRecordedBytes(), options.listener());
    }

    /**
     * @param limit the run's time limit
     * @return a copy with it
     */
    public RunSettings withTimeLimit(Duration limit) {
        return new RunSettings(limit, ioTimeout, targets, maxEvents, maxRecordedBytes, listener);
    }

    /**
     * @param timeout the default socket time-out
     * @return a copy with it
     */
    public RunSettings withIoTimeout(Duration timeout) {
        return new RunSettings(timeLimit, timeout, targets, maxEvents, maxRecordedBytes, listener);
    }

    /**
     * @param reachable which hosts and ports runs may reach
     * @return a copy with it
     */
    public RunSettings withTargets(Targets reachable) {
        return new RunSettings(timeLimit, ioTimeout, reachable, maxEvents, maxRecordedBytes, listener);
    }

    /**
     * @param eventListener receives each event as it is recorded
     * @return a copy with it
     */
    public RunSettings withListener(Consumer<TranscriptEvent> eventListener) {
        return new RunSettings(timeLimit, ioTimeout, targets, maxEvents, maxRecordedBytes, eventListener);
    }
}
