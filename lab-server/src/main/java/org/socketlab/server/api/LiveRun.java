package org.socketlab.server.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.engine.RunHandle;

/**
 * One run of the API, from its start to long after its end: the events in the order they were recorded
 * (the order of the event stream and its ids), and once it ended its transcript and that transcript's JSON,
 * rendered once. Watchers wait on it for new events. Thread-safe.
 */
final class LiveRun {
    // A rough cost of one event beyond its payload (the object, its strings, its list slot), for the store's
    // byte count.
    private static final long EVENT_OVERHEAD_BYTES = 200;

    private final RunHandle handle;
    private final String caseId;
    private final Map<String, Object> params;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final List<TranscriptEvent> events = new ArrayList<>();
    private Transcript transcript;
    private byte[] json;
    private byte[] endJson;
    private long sizeBytes;

    LiveRun(RunHandle handle, String caseId, Map<String, Object> params) {
        this.handle = handle;
        this.caseId = caseId;
        this.params = params;
    }

    String runId() {
        return handle.runId();
    }

    String caseId() {
        return caseId;
    }

    Instant startedAt() {
        return startedAt;
    }

    long startNanos() {
        return startNanos;
    }

    RunHandle handle() {
        return handle;
    }

    /** The run's listener: called under the recorder's lock, so it only appends and wakes the watchers. */
    synchronized void record(TranscriptEvent event) {
        events.add(event);
        notifyAll();
    }

    /**
     * A finished run's JSON, rendered once, and about how much memory the run then holds.
     *
     * @param transcript the transcript
     * @param json       the body of {@code GET /api/runs/{id}}
     * @param endJson    the data of the event stream's {@code end} event
     * @param sizeBytes  the JSON plus each event's payload and a rough cost per event
     */
    record Rendered(Transcript transcript, byte[] json, byte[] endJson, long sizeBytes) {
    }

    /** Renders a finished run; done before the run is marked ended, so the store can count it first. */
    static Rendered render(Transcript finished) {
        JsonObject body = TranscriptJson.of(finished);
        body.addProperty("state", "done");
        byte[] json = Json.bytes(body);
        JsonObject end = new JsonObject();
        end.addProperty("runId", finished.runId());
        end.addProperty("state", "done");
        end.add("outcome", body.get("outcome"));
        end.add("checks", body.get("checks"));
        end.add("error", body.get("error"));
        end.addProperty("durationMs", finished.durationMs());
        end.addProperty("events", finished.events().size());
        long size = json.length;
        for (TranscriptEvent event : finished.events()) {
            size += EVENT_OVERHEAD_BYTES + (event.bytes() == null ? 0 : event.bytes().length);
        }
        return new Rendered(finished, json, Json.bytes(end), size);
    }

    /** Ends the run with its transcript, whose events are those recorded (the recorder is frozen by now). */
    synchronized void finish(Rendered rendered) {
        transcript = rendered.transcript();
        json = rendered.json();
        endJson = rendered.endJson();
        sizeBytes = rendered.sizeBytes();
        notifyAll();
    }

    /** @return the data of the event stream's {@code end} event once the run ended, else {@code null} */
    synchronized byte[] endJson() {
        return endJson;
    }

    synchronized boolean isDone() {
        return transcript != null;
    }

    /** @return the transcript once the run ended, else {@code null} */
    synchronized Transcript transcript() {
        return transcript;
    }

    /** @return about how many bytes of memory the finished run holds; 0 while it runs */
    synchronized long sizeBytes() {
        return sizeBytes;
    }

    /**
     * Waits until the run has ended.
     *
     * @return whether it ended within {@code limit}
     */
    synchronized boolean awaitDone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (transcript == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * Waits until there are events from index {@code from} on, or the run has ended, or {@code limit} passed.
     *
     * @return the events from {@code from} on (maybe none) and whether the run had ended
     */
    synchronized Batch awaitEvents(int from, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (events.size() <= from && transcript == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        List<TranscriptEvent> next = from < events.size() ? List.copyOf(events.subList(from, events.size())) : List.of();
        return new Batch(next, transcript);
    }

    /**
     * @param events   new events, in the order they were recorded
     * @param finished the transcript if the run had ended when they were taken (then they are the last)
     */
    record Batch(List<TranscriptEvent> events, Transcript finished) {
    }

    /** @return the body of {@code GET /api/runs/{id}}: the whole transcript, or what was recorded so far */
    byte[] json() {
        List<TranscriptEvent> sorted;
        double elapsedMs;
        synchronized (this) {
            if (json != null) {
                return json;
            }
            sorted = new ArrayList<>(events);
            elapsedMs = (System.nanoTime() - startNanos) / 1_000_000.0;
        }
        // The transcript's order: by time, stably, as the recorder places a send stamped before its effect.
        sorted.sort(Comparator.comparingDouble(TranscriptEvent::atMs));
        List<String> output = sorted.stream().filter(e -> e.kind() == EventKind.OUTPUT).map(TranscriptEvent::text)
                .toList();
        Transcript soFar = new Transcript(Transcript.FORMAT_VERSION, caseId, runId(), params, startedAt,
                Math.round(elapsedMs * 1000) / 1000.0, Outcome.PASSED, sorted, output, List.of(), null);
        JsonObject body = TranscriptJson.of(soFar);
        body.add("outcome", JsonNull.INSTANCE);
        body.addProperty("state", "running");
        return Json.bytes(body);
    }

    /** @return this run as an entry of {@code GET /api/runs} */
    JsonObject summary() {
        Transcript done = transcript();
        JsonObject json = new JsonObject();
        json.addProperty("runId", runId());
        json.addProperty("caseId", caseId);
        json.addProperty("state", done == null ? "running" : "done");
        if (done == null) {
            json.add("outcome", JsonNull.INSTANCE);
        } else {
            json.addProperty("outcome", done.outcome().jsonName());
        }
        json.addProperty("startedAt", (done != null ? done.startedAt() : startedAt).toString());
        json.addProperty("durationMs", done != null ? done.durationMs()
                : Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0);
        return json;
    }
}
