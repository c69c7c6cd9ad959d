package org.socketlab.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.socketlab.api.transcript.Transcript;

/** The most recent transcripts by run id, for {@code GET /api/runs/{runId}}; the oldest go first. Thread-safe. */
public final class RunStore {
    private final Map<String, Transcript> recent;

    /** @param capacity how many transcripts to keep */
    public RunStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the run store must keep at least one transcript");
        }
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Transcript> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @param transcript a finished run */
    public synchronized void add(Transcript transcript) {
        recent.put(transcript.runId(), transcript);
    }

    /** @param runId a run's id @return its transcript, if it is still kept */
    public synchronized Optional<Transcript> find(String runId) {
        return Optional.ofNullable(recent.get(runId));
    }
}
