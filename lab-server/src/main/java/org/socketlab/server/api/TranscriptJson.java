package org.socketlab.server.api;

import java.util.Base64;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

/** Writes a {@link Transcript} in the JSON shape of the SPEC, the same for the API and {@code run --json}. */
public final class TranscriptJson {
    private TranscriptJson() {
    }

    /**
     * @param transcript a run's transcript
     * @return its JSON; absent event fields are left out, {@code error} is always present
     */
    public static JsonObject of(Transcript transcript) {
        JsonObject json = new JsonObject();
        json.addProperty("version", transcript.version());
        json.addProperty("caseId", transcript.caseId());
        json.addProperty("runId", transcript.runId());
        JsonObject params = new JsonObject();
        for (Map.Entry<String, Object> entry : transcript.params().entrySet()) {
            params.add(entry.getKey(), Json.gson().toJsonTree(entry.getValue()));
        }
        json.add("params", params);
        json.addProperty("startedAt", transcript.startedAt().toString());
        json.addProperty("durationMs", transcript.durationMs());
        json.addProperty("outcome", transcript.outcome().jsonName());
        JsonArray events = new JsonArray();
        transcript.events().forEach(event -> events.add(event(event)));
        json.add("events", events);
        JsonArray output = new JsonArray();
        transcript.output().forEach(output::add);
        json.add("output", output);
        JsonArray checks = new JsonArray();
        transcript.checks().forEach(check -> checks.add(check(check)));
        json.add("checks", checks);
        if (transcript.error() == null) {
            json.add("error", JsonNull.INSTANCE);
        } else {
            json.addProperty("error", transcript.error());
        }
        return json;
    }

    /**
     * @param event one event
     * @return its JSON, without the fields that do not apply to its kind
     */
    public static JsonObject event(TranscriptEvent event) {
        JsonObject json = new JsonObject();
        json.addProperty("atMs", event.atMs());
        json.addProperty("actor", event.actor());
        json.addProperty("kind", event.kind().jsonName());
        addIfPresent(json, "protocol", event.protocol());
        addIfPresent(json, "local", event.local());
        addIfPresent(json, "remote", event.remote());
        if (event.conn() != null) {
            json.addProperty("conn", event.conn());
        }
        if (event.offset() != null) {
            json.addProperty("offset", event.offset());
        }
        addIfPresent(json, "peer", event.peer());
        if (event.peerConn() != null) {
            json.addProperty("peerConn", event.peerConn());
        }
        // The program line that made the event, for the page to highlight (see Actor.at).
        addIfPresent(json, "program", event.program());
        if (event.line() != null) {
            json.addProperty("line", event.line());
        }
        if (event.requested() != null) {
            json.addProperty("requested", event.requested());
        }
        if (event.size() != null) {
            json.addProperty("size", event.size());
        }
        // The event keeps the payload once, as bytes; base64 and text are derived here, from one copy.
        byte[] bytes = event.bytes();
        if (bytes != null) {
            json.addProperty("base64", Base64.getEncoder().encodeToString(bytes));
            addIfPresent(json, "text", TranscriptEvent.utf8OrNull(bytes));
        } else {
            addIfPresent(json, "text", event.text());
        }
        return json;
    }

    private static JsonObject check(Check check) {
        JsonObject json = new JsonObject();
        json.addProperty("name", check.name());
        json.addProperty("passed", check.passed());
        json.addProperty("expected", check.expected());
        json.addProperty("actual", check.actual());
        return json;
    }

    private static void addIfPresent(JsonObject json, String name, String value) {
        if (value != null) {
            json.addProperty(name, value);
        }
    }
}
