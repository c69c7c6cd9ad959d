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

    /**
     * {@code serve}: start the server and the web page.
     *
     * @param config    where to listen and how to run cases
     * @param accessLog {@code --access-log}: a file to append to, {@link #ACCESS_LOG_STDERR} or
     *                  {@link #ACCESS_LOG_OFF}
     */
    record Serve(ServerConfig config, String accessLog) implements Command {
        /** {@code --access-log -}: standard error, the default. */
        public static final String ACCESS_LOG_STDERR = "-";
        /** {@code --access-log off}: no access log. */
        public static final String ACCESS_LOG_OFF = "off";

        /** A server with the access log on standard error. */
        public Serve(ServerConfig config) {
            this(config, ACCESS_LOG_STDERR);
        }
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
