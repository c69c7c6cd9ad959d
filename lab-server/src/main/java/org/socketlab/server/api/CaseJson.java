package org.socketlab.server.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.socketlab.api.CaseInfo;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.ParamType;
import org.socketlab.api.Program;
import org.socketlab.server.plugins.PluginHealth;
import org.socketlab.server.plugins.PluginStatus;
import org.socketlab.server.plugins.RegisteredCase;

/** The JSON shapes of the catalogue: CaseSummary, CaseDetail and plugin statuses (docs/api.md). */
final class CaseJson {
    private CaseJson() {
    }

    static JsonObject summary(RegisteredCase registered) {
        CaseInfo info = registered.info();
        JsonObject json = new JsonObject();
        json.addProperty("id", info.id());
        json.addProperty("title", info.title());
        json.addProperty("summary", info.summary());
        JsonArray tags = new JsonArray();
        info.tags().forEach(tags::add);
        json.add("tags", tags);
        json.addProperty("source", info.source());
        json.addProperty("group", info.group());
        json.addProperty("origin", registered.origin());
        return json;
    }

    static JsonObject detail(RegisteredCase registered) {
        JsonObject json = summary(registered);
        json.addProperty("description", registered.info().description());
        JsonArray params = new JsonArray();
        registered.params().forEach(spec -> params.add(param(spec)));
        json.add("params", params);
        JsonArray programs = new JsonArray();
        registered.info().programs().forEach(program -> programs.add(program(program)));
        json.add("programs", programs);
        return json;
    }

    private static JsonObject program(Program program) {
        JsonObject json = new JsonObject();
        json.addProperty("actor", program.actor());
        json.addProperty("file", program.file());
        json.addProperty("language", program.language());
        json.addProperty("reconstructed", program.reconstructed());
        if (program.note() != null) {
            json.addProperty("note", program.note());
        }
        json.addProperty("code", program.code());
        return json;
    }

    private static JsonObject param(ParamSpec spec) {
        JsonObject json = new JsonObject();
        json.addProperty("name", spec.name());
        json.addProperty("type", spec.type().jsonName());
        json.add("default", Json.gson().toJsonTree(spec.defaultValue()));
        json.addProperty("description", spec.description());
        if (spec.type() == ParamType.CHOICE) {
            JsonArray choices = new JsonArray();
            spec.choices().forEach(choices::add);
            json.add("choices", choices);
        }
        if (spec.min() != null) {
            json.addProperty("min", spec.min());
        }
        if (spec.max() != null) {
            json.addProperty("max", spec.max());
        }
        return json;
    }

    static JsonObject plugin(PluginStatus status) {
        JsonObject json = new JsonObject();
        json.addProperty("file", status.file());
        json.addProperty("status", status.status());
        JsonArray cases = new JsonArray();
        status.cases().forEach(cases::add);
        json.add("cases", cases);
        json.addProperty("error", status.error());
        JsonArray warnings = new JsonArray();
        status.warnings().forEach(warnings::add);
        json.add("warnings", warnings);
        // Read at each request: runs change it while the catalogue stays the same.
        PluginHealth health = status.health();
        JsonArray leaks = new JsonArray();
        if (health != null) {
            health.recentLeaks().forEach(leaks::add);
        }
        json.addProperty("leakingRuns", health == null ? 0 : health.leakingRuns());
        json.add("leaks", leaks);
        json.addProperty("quarantined", health != null && health.quarantined());
        return json;
    }
}
