package org.socketlab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.TranscriptEvent;

/**
 * Collects the events, output and checks of one run, in the order they happen, from any thread. Once
 * frozen (the run ended or ran out of time) it ignores everything, so a transcript never changes after
 * it was handed out.
 */
public final class Recorder {
    /** The actor of the lab's own notes. */
    public static final String LAB_ACTOR = "Lab";

    private final long startNanos = System.nanoTime();
    private final int maxEvents;
    private final long maxRecordedBytes;
    private final Consumer<TranscriptEvent> listener;
    private final Positions positions;
    private final List<TranscriptEvent> events = new ArrayList<>();
    private final List<String> output = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final Set<Throwable> recordedFailures = Collections.newSetFromMap(new IdentityHashMap<>());
    private long recordedBytes;
    private boolean truncated;
    private boolean frozen;

    /**
     * @param positions the program line that makes an event of this kind by this actor on the calling thread
     *                  (see {@code Actor.at}), or {@code null}
     */
    Recorder(int maxEvents, long maxRecordedBytes, Consumer<TranscriptEvent> listener,
             Positions positions) {
        this.maxEvents = maxEvents;
        this.maxRecordedBytes = maxRecordedBytes;
        this.listener = listener;
        this.positions = positions;
    }

    Recorder(int maxEvents, long maxRecordedBytes, Consumer<TranscriptEvent> listener) {
        this(maxEvents, maxRecordedBytes, listener, (actor, kind, protocol, text) -> null);
    }

    double elapsedMillis() {
        return millisSinceStart(System.nanoTime());
    }

    private double millisSinceStart(long nanos) {
        return Math.round((nanos - startNanos) / 1_000.0) / 1_000.0;
    }

    /**
     * Records a socket event without payload (listen, accept, close, …) at the current time.
     *
     * @param actor the actor's name
     * @param kind  the event's kind
     * @param wire  where it happened
     */
    public void socketEvent(String actor, EventKind kind, Wire wire) {
        socketEvent(actor, kind, wire, (String) null);
    }

    /**
     * Records a socket event without payload, with an explanation in {@code text}.
     *
     * @param actor the actor's name
     * @param kind  the event's kind
     * @param wire  where it happened
     * @param text  the explanation, or {@code null}
     */
    public void socketEvent(String actor, EventKind kind, Wire wire, String text) {
        add(atMs -> event(atMs, actor, kind, wire, null, null, text, null, null), 0);
    }

    /**
     * Records a recv (or a UDP receive) that just returned.
     *
     * @param actor     the actor's name
     * @param wire      where it happened
     * @param requested the bytes asked for
     * @param bytes     the bytes received
     * @param offset   the position of its first byte in the stream (TCP), else {@code null}
     * @param peerConn the sender's conn (UDP), else {@code null}
     */
    public void received(String actor, Wire wire, int requested, byte[] bytes, Long offset, Integer peerConn) {
        add(atMs -> event(atMs, actor, EventKind.RECV, wire, requested, bytes, null, offset, peerConn), bytes.length);
    }

    /**
     * Records a send or connect that began at {@code startedNanos} and has completed. It is recorded only
     * once it succeeded, but the peer may already have seen its effect (read the bytes, accepted the
     * connection); the event is therefore stamped with the time the operation began and placed in time
     * order, so that cause comes before effect.
     *
     * @param startedNanos when the operation began ({@link System#nanoTime()})
     * @param actor        the actor's name
     * @param kind         {@code SEND} or {@code CONNECT}
     * @param wire         where it happened
     * @param bytes    the bytes sent, or {@code null} for a connect
     * @param offset   the position of the first byte in the stream (TCP send), else {@code null}
     * @param peerConn the destination's conn (UDP send), else {@code null}
     */
    public void stampedEvent(long startedNanos, String actor, EventKind kind, Wire wire, byte[] bytes, Long offset,
                      Integer peerConn) {
        double atMs = millisSinceStart(startedNanos);
        add(ignored -> event(atMs, actor, kind, wire, null, bytes, null, offset, peerConn),
                bytes == null ? 0 : bytes.length);
    }

    // Called on the thread that made the event, so the actor's position is that thread's program line.
    private TranscriptEvent event(double atMs, String actor, EventKind kind, Wire wire, Integer requested,
                                  byte[] bytes, String text, Long offset, Integer peerConn) {
        ProgramLine at = kind == EventKind.NOTE && LAB_ACTOR.equals(actor) ? null
                : positions.at(actor, kind, wire.protocol(), text);
        return new TranscriptEvent(atMs, actor, kind, wire.protocol(), wire.local(), wire.remote(), requested,
                bytes == null ? null : bytes.length, bytes, text, wire.conn(), offset, wire.peer(), peerConn,
                at == null ? null : at.file(), at == null ? null : at.line());
    }

    /**
     * Records a line of output or a note.
     *
     * @param actor the actor's name ({@link #LAB_ACTOR} for the lab's own notes)
     * @param kind  {@code OUTPUT} or {@code NOTE}
     * @param text  the text
     */
    public void message(String actor, EventKind kind, String text) {
        add(atMs -> event(atMs, actor, kind, new Wire(null, null, null, null, null), null, null, text, null, null), 0);
    }

    /**
     * Records a failure once, however many layers report the same exception.
     *
     * @param actor    the actor's name
     * @param protocol {@code tcp}, {@code udp}, or {@code null}
     * @param local    the local address, or {@code null}
     * @param remote   the remote address, or {@code null}
     * @param cause    the exception, which identifies the failure
     * @param text     what the transcript says
     */
    public void failure(String actor, String protocol, String local, String remote, Throwable cause, String text) {
        failure(actor, new Wire(protocol, local, remote, null, null), cause, text);
    }

    /**
     * Records a failure once, however many layers report the same exception.
     *
     * @param actor the actor's name
     * @param wire  where it happened
     * @param cause the exception, which identifies the failure
     * @param text  what the transcript says
     */
    public void failure(String actor, Wire wire, Throwable cause, String text) {
        synchronized (this) {
            if (!recordedFailures.add(cause)) {
                return;
            }
        }
        add(atMs -> event(atMs, actor, EventKind.ERROR, wire, null, null, text, null, null), 0);
    }

    synchronized boolean alreadyRecorded(Throwable failure) {
        return recordedFailures.contains(failure);
    }

    private void add(EventFactory factory, int payloadBytes) {
        synchronized (this) {
            if (frozen || truncated) {
                return;
            }
            if (events.size() >= maxEvents || recordedBytes + payloadBytes > maxRecordedBytes) {
                truncated = true;
                // The page (sequence.js) knows from this note's start that later reads may be missing.
                append(new TranscriptEvent(elapsedMillis(), LAB_ACTOR, EventKind.NOTE, null, null, null, null,
                        null, null, "The transcript is full (" + maxEvents + " events or " + maxRecordedBytes
                        + " bytes); later events were not recorded."));
                return;
            }
            recordedBytes += payloadBytes;
            TranscriptEvent event = factory.create(elapsedMillis());
            append(event);
            if (event.kind() == EventKind.OUTPUT) {
                output.add(event.text());
            }
        }
    }

    // Events go in time order (a stamped send may be older than the peer's recv already recorded), and every
    // event, the "transcript is full" note included, reaches the listener: a live view must end up showing
    // the same events as the finished transcript.
    private void append(TranscriptEvent event) {
        int at = events.size();
        while (at > 0 && events.get(at - 1).atMs() > event.atMs()) {
            at--;
        }
        events.add(at, event);
        // Inside the lock so that a listener sees events as they are recorded; listeners must not block.
        if (listener != null) {
            listener.accept(event);
        }
    }

    synchronized void check(Check check) {
        if (!frozen) {
            checks.add(check);
        }
    }

    synchronized void freeze() {
        frozen = true;
    }

    synchronized List<TranscriptEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<String> output() {
        return List.copyOf(output);
    }

    synchronized List<Check> checks() {
        return List.copyOf(checks);
    }

    /** Where an event of this kind by this actor comes from in its program, on the calling thread. */
    @FunctionalInterface
    interface Positions {
        /**
         * @param protocol the event's protocol, or {@code null}
         * @param text     the message of an output, note or error, else {@code null}
         * @return the line, or {@code null} when none is known
         */
        ProgramLine at(String actor, EventKind kind, String protocol, String text);
    }

    @FunctionalInterface
    private interface EventFactory {
        TranscriptEvent create(double atMs);
    }
}
