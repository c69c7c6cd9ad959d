package org.socketlab.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.engine.RunSettings;

/**
 * How a run of {@link CaseRunner} is held in bounds: for a case's tests (a shorter time limit, say) and for
 * hosts. A case never sees it. Socket Lab's server sets the same bounds, and the ports a run may not reach,
 * with the engine's {@code org.socketlab.engine.RunSettings}.
 *
 * @param timeLimit        the longest a run may take before it is stopped and ends as an error (a case may ask
 *                         for longer with {@link LabCase#timeLimit})
 * @param ioTimeout        the default time limit of each blocking socket operation (connect, accept,
 *                         recv); a case may set a shorter one per socket
 * @param targets          which hosts the run may reach
 * @param maxEvents        events beyond this many are not recorded (a note says so)
 * @param maxRecordedBytes payload bytes beyond this many are not recorded (a note says so)
 * @param listener         receives each event as it is recorded, on the thread that caused it; must not
 *                         block; may be {@code null}. A send or connect is recorded when it completes but
 *                         stamped with the time it began, so it can arrive after an event with a later
 *                         {@code atMs}: ordered by {@code atMs} (stably), the events are the transcript's
 *                         events in the transcript's order
 */
public record RunOptions(Duration timeLimit, Duration ioTimeout, TargetPolicy targets, int maxEvents,
                         long maxRecordedBytes, Consumer<TranscriptEvent> listener) {

    /** A run that takes longer is stopped: long enough for the lessons about time-outs, short enough to wait for. */
    public static final Duration DEFAULT_TIME_LIMIT = RunSettings.DEFAULT_TIME_LIMIT;
    /** Long enough for any exchange on loopback, short enough that a lost peer is noticed. */
    public static final Duration DEFAULT_IO_TIMEOUT = RunSettings.DEFAULT_IO_TIMEOUT;
    /** Enough for every built-in case many times over. */
    public static final int DEFAULT_MAX_EVENTS = RunSettings.DEFAULT_MAX_EVENTS;
    /** Bounds the memory one transcript can take. */
    public static final long DEFAULT_MAX_RECORDED_BYTES = RunSettings.DEFAULT_MAX_RECORDED_BYTES;

    /**
     * Checks the components.
     *
     * @param timeLimit the longest a run may take before it is stopped and ends as an error
     * @param ioTimeout the default time limit of each blocking socket operation (connect, accept, recv); a case
     *        may set a shorter one per socket
     * @param targets which hosts the run may reach
     * @param maxEvents events beyond this many are not recorded (a note says so)
     * @param maxRecordedBytes payload bytes beyond this many are not recorded (a note says so)
     * @param listener receives each event as it is recorded, on the thread that caused it; must not block; may be
     *        {@code null}. A send or connect is recorded when it completes but stamped with the time it began, so
     *        it can arrive after an event with a later {@code atMs}: ordered by {@code atMs} (stably), the events
     *        are the transcript's events in the transcript's order
     * @throws IllegalArgumentException if a limit is not positive
     */
    public RunOptions {
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
    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_TIME_LIMIT, DEFAULT_IO_TIMEOUT, TargetPolicy.loopbackOnly(), DEFAULT_MAX_EVENTS,
                DEFAULT_MAX_RECORDED_BYTES, null);
    }

    /**
     * @param limit the run's time limit
     * @return a copy with it
     */
    public RunOptions withTimeLimit(Duration limit) {
        return new RunOptions(limit, ioTimeout, targets, maxEvents, maxRecordedBytes, listener);
    }

    /**
     * @param timeout the default socket time-out
     * @return a copy with it
     */
    public RunOptions withIoTimeout(Duration timeout) {
        return new RunOptions(timeLimit, timeout, targets, maxEvents, maxRecordedBytes, listener);
    }

    /**
     * @param policy which hosts runs may reach
     * @return a copy with it
     */
    public RunOptions withTargets(TargetPolicy policy) {
        return new RunOptions(timeLimit, ioTimeout, policy, maxEvents, maxRecordedBytes, listener);
    }

    /**
     * @param eventListener receives each event as it is recorded
     * @return a copy with it
     */
    public RunOptions withListener(Consumer<TranscriptEvent> eventListener) {
        return new RunOptions(timeLimit, ioTimeout, targets, maxEvents, maxRecordedBytes, eventListener);
    }
}
