package org.socketlab.server.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs the API knows by id: every run going on, and the most recent finished ones up to a number of
 * bytes; when a run ends and the finished ones take more than that, the oldest go first (the newest is
 * always kept, however large). Thread-safe.
 */
public final class RunStore {
    /** A class's worth of runs: thousands of small transcripts, or a handful of the largest (4 MiB of payload each). */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final long maxBytes;
    // Insertion order is start order: the first entries are the oldest.
    private final Map<String, LiveRun> runs = new LinkedHashMap<>();
    private long finishedBytes;

    /** @param maxBytes about how many bytes of memory the finished runs may take */
    public RunStore(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the run store needs room for at least one byte, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    synchronized void add(LiveRun run) {
        runs.put(run.runId(), run);
    }

    /** Forgets a run that never started (its parameters were refused). */
    synchronized void remove(LiveRun run) {
        if (runs.remove(run.runId(), run) && run.isDone()) {
            finishedBytes -= run.sizeBytes();
        }
    }

    /**
     * Counts a run that is ending, and lets the oldest finished runs go while the store is over its size.
     * Called before the run is marked ended, so that whoever waits for its end finds the store settled.
     */
    synchronized void finished(LiveRun run, long sizeBytes) {
        if (runs.get(run.runId()) != run) {
            return;
        }
        finishedBytes += sizeBytes;
        Iterator<LiveRun> oldestFirst = runs.values().iterator();
        while (finishedBytes > maxBytes && oldestFirst.hasNext()) {
            LiveRun candidate = oldestFirst.next();
            if (candidate != run && candidate.isDone()) {
                finishedBytes -= candidate.sizeBytes();
                oldestFirst.remove();
            }
        }
    }

    synchronized Optional<LiveRun> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** @return at most {@code limit} runs, the most recently started first */
    synchronized List<LiveRun> newestFirst(int limit) {
        List<LiveRun> all = new ArrayList<>(runs.values());
        List<LiveRun> newest = new ArrayList<>(Math.min(limit, all.size()));
        for (int i = all.size() - 1; i >= 0 && newest.size() < limit; i--) {
            newest.add(all.get(i));
        }
        return newest;
    }

    /** @return the runs going on now */
    synchronized List<LiveRun> running() {
        return runs.values().stream().filter(run -> !run.isDone()).toList();
    }

    /** @return about how many bytes the finished runs take */
    public synchronized long finishedBytes() {
        return finishedBytes;
    }

    /** @return how many runs are kept, going on or finished */
    public synchronized int size() {
        return runs.size();
    }
}
