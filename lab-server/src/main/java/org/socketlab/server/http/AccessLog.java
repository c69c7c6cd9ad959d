package org.socketlab.server.http;

import java.io.PrintStream;
import java.util.Objects;

/** Receives an entry for every answered request; called on connection threads, so it must not block. */
@FunctionalInterface
public interface AccessLog {

    /** Records one answered request. */
    void log(AccessLogEntry entry);

    /** A log that drops every entry. */
    static AccessLog none() {
        return entry -> { };
    }

    /**
     * A log that prints {@link AccessLogEntry#format()} lines to the stream from one daemon
     * thread, so request threads only enqueue; the stream is flushed whenever the queue drains.
     * If the writer falls too far behind, entries are dropped and their count printed.
     */
    static AccessLog to(PrintStream out) {
        return new AsyncAccessLog(Objects.requireNonNull(out, "out"));
    }
}
