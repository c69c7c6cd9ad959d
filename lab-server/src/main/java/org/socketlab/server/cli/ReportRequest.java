package org.socketlab.server.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One {@code --report FORMAT=FILE}.
 *
 * @param format the report's format
 * @param file   where to write it
 */
public record ReportRequest(Format format, Path file) {

    /** The report formats: each is read by a family of tools (docs/headless.md). */
    public enum Format {
        /** JUnit XML, as CI systems (GitHub Actions reporters, GitLab, Jenkins) read it. */
        JUNIT,
        /** A Gradescope autograder's {@code results.json}. */
        GRADESCOPE,
        /** The Test Anything Protocol, version 13. */
        TAP;

        /** @return its name on the command line */
        public String flagName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param text what followed {@code --report}
     * @return the request
     * @throws UsageException if it is not {@code FORMAT=FILE} with a known format
     */
    public static ReportRequest parse(String text) throws UsageException {
        String formats = Arrays.stream(Format.values()).map(Format::flagName).collect(Collectors.joining(", "));
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new UsageException("--report takes FORMAT=FILE (formats: " + formats + "), e.g. --report "
                    + "junit=reports/socketlab.xml; got '" + text + "'");
        }
        String name = text.substring(0, equals);
        for (Format format : Format.values()) {
            if (format.flagName().equals(name)) {
                return new ReportRequest(format, Path.of(text.substring(equals + 1)));
            }
        }
        throw new UsageException("--report: unknown format '" + name + "' (formats: " + formats + ")");
    }
}
