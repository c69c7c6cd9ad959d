package org.socketlab.server.plugins;

import java.util.List;
import java.util.Objects;

/**
 * The cases found in one plugin jar, before they meet the rest of the catalogue.
 *
 * @param file     the jar's file name
 * @param cases    the cases that loaded from it
 * @param failures why the jar or some of its cases could not load; empty when all went well
 * @param warnings what an instructor should fix although the jar loaded (no declared lab-api version)
 */
public record PluginJar(String file, List<RegisteredCase> cases, List<String> failures, List<String> warnings) {
    /** Copies the lists. */
    public PluginJar {
        Objects.requireNonNull(file, "file");
        cases = List.copyOf(cases);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /**
     * A jar whose cases loaded without warnings, or failed one by one.
     *
     * @param file     its file name
     * @param cases    the cases that loaded
     * @param failures why others did not
     */
    public PluginJar(String file, List<RegisteredCase> cases, List<String> failures) {
        this(file, cases, failures, List.of());
    }

    /**
     * A jar that could not be loaded at all.
     *
     * @param file   its file name
     * @param reason why
     * @return the result
     */
    public static PluginJar failed(String file, String reason) {
        return new PluginJar(file, List.of(), List.of(reason));
    }
}
