package org.socketlab.server.plugins;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * How one loaded plugin jar has behaved in its runs: the runs that left threads running after their end,
 * and whether that happened often enough for the jar to be quarantined (its cases refuse to run until the
 * jar is replaced). Reported by {@code GET /api/plugins}. Thread-safe.
 */
public final class PluginHealth {
    /** A jar whose runs left threads behind this many times runs no more: each such run keeps using the machine. */
    public static final int QUARANTINE_AFTER = 3;
    private static final int KEPT = 3;

    private final Deque<String> recentLeaks = new ArrayDeque<>();
    private int leakingRuns;

    /** @param description e.g. "1 thread still running: at MyCase.run(MyCase.java:42)" */
    synchronized void leaked(String description) {
        leakingRuns++;
        if (recentLeaks.size() == KEPT) {
            recentLeaks.removeFirst();
        }
        recentLeaks.addLast(description);
    }

    /** @return how many of its runs left threads running */
    public synchronized int leakingRuns() {
        return leakingRuns;
    }

    /** @return the latest few of those reports, oldest first */
    public synchronized List<String> recentLeaks() {
        return List.copyOf(recentLeaks);
    }

    /** @return whether its cases refuse to run */
    public synchronized boolean quarantined() {
        return leakingRuns >= QUARANTINE_AFTER;
    }
}
