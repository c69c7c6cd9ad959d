package org.socketlab.server.plugins;

import java.util.List;
import java.util.Objects;

/**
 * What became of one plugin jar, as {@code GET /api/plugins} reports it.
 *
 * @param file   the jar's file name
 * @param loaded whether its cases are in the catalogue
 * @param cases  the ids of the cases it provides (those that loaded)
 * @param error  why it, or some of its cases, failed; for a jar that loaded, its warnings, each starting with
 *               {@code "warning: "}; {@code null} when all went well
 */
public record PluginStatus(String file, boolean loaded, List<String> cases, String error) {
    /** Copies the ids. */
    public PluginStatus {
        Objects.requireNonNull(file, "file");
        cases = List.copyOf(cases);
    }

    /** @return {@code "loaded"} or {@code "failed"} */
    public String status() {
        return loaded ? "loaded" : "failed";
    }
}
