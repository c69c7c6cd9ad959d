package org.socketlab.server.plugins;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Tells the operator, one line each on the server's log, what became of the plugin jars that changed. */
final class PluginLog {
    private final PrintStream out;
    private String lastFolderProblem;

    PluginLog(PrintStream out) {
        this.out = out;
    }

    /**
     * Reports the jars that were loaded or removed, and those whose status changed because of them (a case id
     * that another jar gave up).
     */
    void changes(List<PluginStatus> before, List<PluginStatus> after, Set<String> changed, Set<String> removed) {
        Map<String, PluginStatus> previous = before.stream()
                .collect(Collectors.toMap(PluginStatus::file, Function.identity()));
        removed.forEach(file -> out.println("socketlab: plugin " + file + ": removed; its cases are gone"));
        for (PluginStatus status : after) {
            PluginStatus was = previous.get(status.file());
            if (changed.contains(status.file()) || !status.equals(was)) {
                boolean reloaded = was != null && changed.contains(status.file());
                out.println("socketlab: plugin " + status.file() + ": " + describe(status, reloaded));
            }
        }
    }

    static String describe(PluginStatus status, boolean reloaded) {
        String cases = String.join(", ", status.cases());
        if (status.loaded()) {
            String warnings = (status.error() == null ? "" : "; " + status.error())
                    + status.warnings().stream().map(w -> "; warning: " + w).collect(Collectors.joining());
            return (reloaded ? "reloaded: " : "loaded: ") + cases + warnings;
        }
        return "failed: " + status.error() + (cases.isEmpty() ? "" : "; its other cases loaded: " + cases);
    }

    /** Reports a folder that cannot be read, once until it can be read again. */
    void folderUnreadable(Path dir, Exception e) {
        String problem = "socketlab: cannot read the plugins folder " + dir + " (" + CaseDiscovery.reason(e)
                + "); the plugins loaded before stay until it can be read";
        if (!problem.equals(lastFolderProblem)) {
            out.println(problem);
            lastFolderProblem = problem;
        }
    }

    void folderReadable() {
        lastFolderProblem = null;
    }
}
