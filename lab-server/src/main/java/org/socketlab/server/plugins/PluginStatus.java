package org.socketlab.server.plugins;

import java.util.List;
import java.util.Objects;

/**
 * What became of one plugin jar, as {@code GET /api/plugins} reports it.
 *
 * @param file   the jar's file name
 * @param loaded whether its cases are in the catalogue
 * @param cases  the ids of the cases it provides (those that loaded)
 * @param error    why it, or some of its cases, failed; {@code null} when nothing failed
 * @param warnings what is worth fixing although the jar loaded (no declared lab-api version, …)
 */
public record PluginStatus(String file, boolean loaded, List<String> cases, String error, List<String> warnings) {
    /** Copies the lists. */
    public PluginStatus {
        Objects.requireNonNull(file, "file");
        cases = List.copyOf(cases);
        warnings = List.copyOf(warnings);
    }

    /** @return {@code "loaded"} or {@code "failed"} */
    public String status() {
        return loaded ? "loaded" : "failed";
    }
}
