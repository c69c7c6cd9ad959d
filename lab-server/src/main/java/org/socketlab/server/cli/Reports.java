package org.socketlab.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.socketlab.api.transcript.Transcript;
import org.socketlab.server.api.Json;

/** Writes the {@code --report FORMAT=FILE} files of a suite. */
public final class Reports {
    /** The name of the JUnit {@code testsuite}. */
    static final String SUITE_NAME = "socketlab";

    private Reports() {
    }

    /**
     * Writes each report, creating missing parent folders; a file that exists is replaced whole.
     *
     * @param requests the reports asked for
     * @param runs     the transcripts
     * @param weights  points per case id for graded formats
     * @param tagsOf   a case's tags by id
     * @throws IOException naming the file that could not be written
     */
    public static void write(List<ReportRequest> requests, List<Transcript> runs, Map<String, Double> weights,
                             Function<String, List<String>> tagsOf) throws IOException {
        for (ReportRequest request : requests) {
            String text = switch (request.format()) {
                case JUNIT -> JUnitReport.of(SUITE_NAME, runs);
                case GRADESCOPE -> Json.pretty(GradescopeReport.of(runs, weights, tagsOf)) + "\n";
                case TAP -> TapReport.of(runs);
            };
            Path file = request.file().toAbsolutePath();
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                // Written aside and moved, so a reader never sees half a report.
                Path partial = file.resolveSibling(file.getFileName() + ".partial");
                Files.writeString(partial, text, StandardCharsets.UTF_8);
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IOException("cannot write the " + request.format().flagName() + " report to "
                        + request.file() + ": " + e.getMessage(), e);
            }
        }
    }
}
