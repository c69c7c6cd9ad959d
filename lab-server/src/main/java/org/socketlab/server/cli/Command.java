package org.socketlab.server.cli;

import java.util.List;

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

    /**
     * {@code list}: the cases, one a line, or as the API's JSON.
     *
     * @param config the plugins folder
     * @param json   whether to print what {@code GET /api/cases} answers
     */
    record ListCases(ServerConfig config, boolean json) implements Command {
    }

    /**
     * {@code describe CASE}: a case's summary, parameters and handout exercise.
     *
     * @param caseId the case
     * @param json   whether to print what {@code GET /api/cases/{id}} answers
     * @param config the plugins folder
     */
    record Describe(String caseId, boolean json, ServerConfig config) implements Command {
    }

    /**
     * {@code run CASE... | --all | --tag TAG}: a suite of runs, headless.
     *
     * @param selection which cases
     * @param params    the {@code --param [CASE.]NAME=VALUE} assignments, in order
     * @param jobs      how many cases run at once
     * @param json      whether to print JSON (the transcript for one case id, else a suite document)
     * @param reports   the report files to write
     * @param weights     points per case id for graded reports (a case not named weighs 1)
     * @param stackTraces whether the stack trace of a case that threw goes to stderr ({@code --stack-traces})
     * @param config      the plugins folder, target policy and time limit
     */
    record Run(Selection selection, List<ParamAssignment> params, int jobs, boolean json, List<ReportRequest> reports,
               java.util.Map<String, Double> weights, boolean stackTraces, ServerConfig config) implements Command {
        /** Copies the collections. */
        public Run {
            params = List.copyOf(params);
            reports = List.copyOf(reports);
            weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        }
    }

    /** The commands, for the usage text. */
    List<String> NAMES = List.of("serve", "list", "describe", "run");
}
