package org.socketlab.server.cli;

/** The {@code --help} texts. */
public final class Usage {
    private static final String GENERAL = """
            Socket Lab: runnable, recorded socket-programming cases, in the browser and headless.

            Usage:
              java -jar socketlab.jar [serve] [--port 8080] [--bind 127.0.0.1] [--plugins DIR] [--allow-remote]
                                    [--allowed-host NAME]... [--cors-origin ORIGIN]...
                                    [--max-runs N] [--run-store-mb N]
              java -jar socketlab.jar list [--json] [--plugins DIR]
              java -jar socketlab.jar describe CASE [--json] [--plugins DIR]
              java -jar socketlab.jar run CASE... | --all | --tag TAG [--param [CASE.]NAME=VALUE]... [--jobs N]
                                    [--json] [--report FORMAT=FILE]... [--weight CASE=POINTS]... [--stack-traces]
                                    [--plugins DIR] [--allow-remote] [--time-limit SECONDS]
              java -jar socketlab.jar --help | --version

            Commands:
              serve     start the web page and the JSON API (the default); prints the URL it listens on
              list      the cases, one a line: id, title, origin
              describe  a case: summary, handout exercise, parameters with types, defaults and ranges
              run       run cases headless: one prints its transcript as it happens, several a line each;
                        exit status 0 passed, 1 failed, 2 error (the worst outcome), 64 bad usage

            Run 'java -jar socketlab.jar COMMAND --help' for a command's options.
            """;

    private static final String SERVE = """
            Usage: java -jar socketlab.jar serve [options]

            Starts the web page and the JSON API and prints the URL. Stop it with Ctrl+C.

            Options:
              --port N          the port to listen on (default 8080; 0 picks a free port)
              --bind ADDRESS    the IP address to listen on (default 127.0.0.1; 0.0.0.0 opens it to the network)
              --plugins DIR     folder of plugin jars (default ./plugins; a missing folder means none)
              --allow-remote    let runs reach hosts other than loopback (by default a case may only reach
                                localhost, 127.0.0.1 and ::1)
              --time-limit S    the longest one run may take, in seconds (default 10)
              --allowed-host NAME
                                a host name the server answers to besides localhost and its address, e.g.
                                when a student opens it as http://mylaptop.lan:8080; repeat for several.
                                Requests naming any other Host get 421 (this defeats DNS rebinding)
              --cors-origin ORIGIN
                                let pages of this origin (e.g. http://localhost:5173) call the API, with
                                CORS headers; repeat for several. Requests from any other web site get 403
              --max-runs N      how many runs may go on at once (default 32); a run past that waits up to
                                10 s for a slot, then gets 503 with Retry-After
              --run-store-mb N  about how many MiB the finished runs kept for GET /api/runs may take
                                (default 64); the oldest go first
              --access-log FILE|-|off
                                where a line per answered request goes: appended to FILE, '-' for standard
                                error (the default), or 'off'; nginx's combined format plus the duration
                                (docs/api.md, "Access log")

            Connection limits (so that no client can hold the server; docs/api.md has the details):
              --max-connections N        connections served at once (default 1024); when all are taken the
                                         oldest idle keep-alive connection is closed, else 503
              --max-connections-per-client N
                                         connections one client address may hold (default 256)
              --request-timeout S        seconds to send a request head, and a body's base time (default 10)
              --min-body-rate B          bytes per second a body must average beyond that (default 1024)
              --write-timeout S          a response write with no progress this long closes (default 20)
              --idle-timeout S           an unused keep-alive connection closes after this (default 60)
            """;

    private static final String LIST = """
            Usage: java -jar socketlab.jar list [--json] [--plugins DIR]

            Prints the cases, one a line: id, title and where it comes from (built-in or a plugin jar).

            Options:
              --json            print exactly what GET /api/cases answers
              --plugins DIR     folder of plugin jars (default ./plugins)
            """;

    private static final String DESCRIBE = """
            Usage: java -jar socketlab.jar describe CASE [--json] [--plugins DIR]

            Prints what a case is: its summary, the handout exercise it comes from, its tags, and every
            parameter with its type, default, range or choices and description.

            Options:
              --json            print exactly what GET /api/cases/CASE answers
              --plugins DIR     folder of plugin jars (default ./plugins)
            """;

    private static final String RUN = """
            Usage: java -jar socketlab.jar run CASE... [options]
                   java -jar socketlab.jar run --all | --tag TAG [options]

            Runs cases headless. One case prints its transcript, each event as it happens (with listenPort,
            the port it waits on first); several print a line each as they end, then the total.
            Exit status: the worst outcome's: 0 passed, 1 failed, 2 error; 64 bad usage (unknown case,
            parameter or option, a bad value), found before anything runs.

            Options:
              --all             every case (after any ids named)
              --tag TAG         every case with this tag; repeat for several
              --param NAME=VALUE, -p NAME=VALUE
                                a value for every selected case that declares NAME (an error if none does)
              --param CASE.NAME=VALUE
                                a value for one case; wins over NAME=VALUE
              --jobs N, -j N    run N cases at once (default 1: one after the other)
              --json            print JSON on stdout: the transcript for one case id, else
                                {"runs": [...], "summary": {...}}; errors as {"error", "parameter"}
              --report FORMAT=FILE
                                also write a report: junit (JUnit XML), gradescope (results.json) or tap;
                                repeat for several
              --weight CASE=POINTS
                                the points a case is worth in a gradescope report (default 1), shared by its
                                checks
              --stack-traces    when a case's code throws, print its stack trace (its own frames first) on
                                stderr; the transcript keeps the one-line error and where it happened
              --plugins DIR     folder of plugin jars (default ./plugins)
              --allow-remote    let the runs reach hosts other than loopback
              --time-limit S    the longest one run may take, in seconds (default 10)

            Examples:
              java -jar socketlab.jar run missing-message --param readUntilClosed=false
              java -jar socketlab.jar run --all --jobs 4 --report junit=reports/socketlab.xml
              java -jar socketlab.jar run tcp-uppercase --param target=127.0.0.1:12001 --report gradescope=results.json
            See docs/headless.md for CI and autograder set-ups.
            """;

    private Usage() {
    }

    /** @param topic a command name, or null for the general usage @return its help text */
    public static String of(String topic) {
        if (topic == null) {
            return GENERAL;
        }
        return switch (topic) {
            case "serve" -> SERVE;
            case "list" -> LIST;
            case "describe" -> DESCRIBE;
            case "run" -> RUN;
            default -> GENERAL;
        };
    }
}
