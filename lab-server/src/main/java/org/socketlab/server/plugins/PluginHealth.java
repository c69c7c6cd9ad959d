package org.socketlab.server.plugins;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
    private final List<LeakCheck> pending = new ArrayList<>();
    private int leakingRuns;

    /** Looks after this run once it is over; see {@link LeakCheck}. */
    synchronized void watch(LeakCheck check) {
        pending.add(check);
    }

    /** @return how many of its runs left threads running */
    public synchronized int leakingRuns() {
        settle();
        return leakingRuns;
    }

    /** @return the latest few of those reports, oldest first */
    public synchronized List<String> recentLeaks() {
        settle();
        return List.copyOf(recentLeaks);
    }

    /** @return whether its cases refuse to run */
    public synchronized boolean quarantined() {
        settle();
        return leakingRuns >= QUARANTINE_AFTER;
    }

    // The looks that are due, made when someone asks: no thread of ours has to wait for them.
    private void settle() {
        long now = System.nanoTime();
        pending.removeIf(check -> {
            if (!check.isDue(now)) {
                return false;
            }
            String leak = check.look();
            if (leak != null) {
                leakingRuns++;
                if (recentLeaks.size() == KEPT) {
                    recentLeaks.removeFirst();
                }
                recentLeaks.addLast(leak);
            }
            return true;
        });
    }
}
