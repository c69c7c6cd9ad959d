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
 * @param health   how its runs have behaved (threads left running, quarantine); {@code null} if none loaded
 */
public record PluginStatus(String file, boolean loaded, List<String> cases, String error, List<String> warnings,
                           PluginHealth health) {
    /** Copies the lists. */
    public PluginStatus {
        Objects.requireNonNull(file, "file");
        cases = List.copyOf(cases);
        warnings = List.copyOf(warnings);
    }

    /**
     * A status with no record of runs.
     *
     * @param file     the jar's file name
     * @param loaded   whether its cases are in the catalogue
     * @param cases    the ids of its cases
     * @param error    why it failed, or {@code null}
     * @param warnings what is worth fixing
     */
    public PluginStatus(String file, boolean loaded, List<String> cases, String error, List<String> warnings) {
        this(file, loaded, cases, error, warnings, null);
    }

    /** @return {@code "loaded"} or {@code "failed"} */
    public String status() {
        return loaded ? "loaded" : "failed";
    }
}
