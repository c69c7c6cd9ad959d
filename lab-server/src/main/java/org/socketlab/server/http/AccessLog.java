package org.socketlab.server.http;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Objects;

/** Receives an entry for every answered request; called on connection loops and workers, so it must not block. */
@FunctionalInterface
public interface AccessLog {

    /** Records one answered request. */
    void log(AccessLogEntry entry);

    /**
     * Whether entries are wanted at all: when false the server does not even build them.
     *
     * @since 1.1
     */
    default boolean enabled() {
        return true;
    }

    /** A log that drops every entry; the server builds none. */
    static AccessLog none() {
        return AsyncAccessLog.NONE;
    }

    /**
     * A log that prints {@link AccessLogEntry#format()} lines to the stream from one daemon
     * thread, so request threads only enqueue; the stream is flushed whenever the queue drains.
     * If the writer falls too far behind, entries are dropped and their count printed.
     */
    static AccessLog to(PrintStream out) {
        return to((OutputStream) Objects.requireNonNull(out, "out"));
    }

    /**
     * The same as {@link #to(PrintStream)} on any stream, e.g. a file opened for appending; lines are
     * written in UTF-8 in batches, and the stream is flushed whenever the queue drains.
     *
     * @since 1.1
     */
    static AccessLog to(OutputStream out) {
        return new AsyncAccessLog(Objects.requireNonNull(out, "out"));
    }
}
