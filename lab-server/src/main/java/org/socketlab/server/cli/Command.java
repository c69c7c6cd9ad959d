package org.socketlab.server.cli;

import java.util.List;
import java.util.Map;

import org.socketlab.server.ServerConfig;

/** What the command line asked for, once parsed. */
public sealed interface Command {

    /** {@code --help}: print the usage of {@code topic} (a command name, or {@code null} for all). */
    record Help(String topic) implements Command {
    }

    /** {@code --version}. */
    record Version() implements Command {
    }

    /** {@code serve}: start the server and the web page. */
    record Serve(ServerConfig config) implements Command {
    }

    /** {@code list}: the cases, one a line. */
    record ListCases(ServerConfig config) implements Command {
    }

    /**
     * {@code run CASE}: one run, headless.
     *
     * @param caseId the case
     * @param params the {@code --param NAME=VALUE} values, in order
     * @param json   whether to print the transcript as JSON
     * @param config the plugins folder, target policy and time limit
     */
    record Run(String caseId, Map<String, String> params, boolean json, ServerConfig config) implements Command {
        /** Copies the values. */
        public Run {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }
    }

    /** The commands, for the usage text. */
    List<String> NAMES = List.of("serve", "list", "run");
}
