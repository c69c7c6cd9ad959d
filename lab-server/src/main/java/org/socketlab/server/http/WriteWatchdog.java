package org.socketlab.server.http;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Closes connections whose response write has made no progress for the write time-out. A blocking socket
 * write (a worker's) has no time-out of its own, and an answer a loop keeps for a client that does not read
 * holds memory and a slot: either way a client that sends requests and never reads the answers would hold
 * them for as long as it likes.
 */
final class WriteWatchdog {
    private final Set<Connection> connections;
    private final long timeoutNanos;
    private final Thread thread;
    private volatile boolean stopped;

    WriteWatchdog(Set<Connection> connections, int timeoutMillis, String name) {
        this.connections = connections;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.thread = new Thread(this::watch, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void watch() {
        // A quarter of the time-out between looks: a stalled write is closed within 1.25 times it.
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), timeoutNanos / 4);
        while (!stopped) {
            LockSupport.parkNanos(period);
            long now = System.nanoTime();
            for (Connection connection : connections) {
                long since = connection.writeStalledSinceNanos();
                if (since != 0 && now - since > timeoutNanos) {
                    connection.forceClose();
                }
            }
        }
    }
}
