package org.socketlab.server.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.socketlab.server.ServerConfig;
import org.socketlab.server.http.ConnectionLimits;

/**
 * Parses {@code socketlab [serve|list|describe CASE|run CASE...] [options]}. Options take their value as the next
 * word or after {@code =} ({@code --port 0}, {@code --port=0}).
 */
public final class CommandLineParser {
    private static final int MAX_TIME_LIMIT_SECONDS = 600;
    private static final int MAX_JOBS = 64;
    private static final double MAX_WEIGHT = 1_000_000;
    private static final int MAX_RUN_STORE_MB = 64 * 1024;

    private CommandLineParser() {
    }

    /**
     * @param args the words after {@code java -jar socketlab.jar}
     * @return the command
     * @throws UsageException with a message naming the word at fault
     */
    public static Command parse(String... args) throws UsageException {
        List<String> words = Arrays.asList(args);
        boolean explicit = !words.isEmpty() && !words.get(0).startsWith("-");
        String name = explicit ? words.get(0) : "serve";
        Deque<String> rest = new ArrayDeque<>(explicit ? words.subList(1, words.size()) : words);
        if (!Command.NAMES.contains(name)) {
            throw new UsageException("unknown command '" + name + "' (commands: " + String.join(", ", Command.NAMES)
                    + ")");
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            return new Command.Help(explicit ? name : null);
        }
        if (rest.contains("--version") || rest.contains("-V")) {
            return new Command.Version();
        }
        Words parsed = options(rest, name);
        return switch (name) {
            case "list" -> {
                parsed.requireNoArguments();
                yield new Command.ListCases(parsed.config, parsed.json);
            }
            case "describe" -> {
                if (parsed.arguments.size() != 1) {
                    throw new UsageException(parsed.arguments.isEmpty()
                            ? "describe needs a case id, e.g. 'describe missing-message' ('list' shows them)"
                            : "describe takes one case id; got '" + String.join(" ", parsed.arguments) + "'");
                }
                yield new Command.Describe(parsed.arguments.get(0), parsed.json, parsed.config);
            }
            case "run" -> {
                Selection selection = new Selection(parsed.arguments, parsed.all, parsed.tags);
                if (selection.empty()) {
                    throw new UsageException("run needs case ids, --all or --tag TAG, e.g. 'run missing-message' "
                            + "('list' shows them)");
                }
                yield new Command.Run(selection, parsed.params, parsed.jobs, parsed.json, parsed.reports,
                        parsed.weights, parsed.stackTraces, parsed.config);
            }
            default -> {
                parsed.requireNoArguments();
                yield new Command.Serve(parsed.config, parsed.accessLog);
            }
        };
    }

    /** Everything the words said; which command may say what is checked as each option is read. */
    private static final class Words {
        final String command;
        ServerConfig config = ServerConfig.defaults();
        final List<String> arguments = new ArrayList<>();
        final List<ParamAssignment> params = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        final List<ReportRequest> reports = new ArrayList<>();
        final Map<String, Double> weights = new LinkedHashMap<>();
        boolean all;
        boolean json;
        boolean stackTraces;
        int jobs = 1;
        String accessLog = Command.Serve.ACCESS_LOG_STDERR;

        Words(String command) {
            this.command = command;
        }

        void requireNoArguments() throws UsageException {
            if (!arguments.isEmpty()) {
                throw new UsageException("unexpected argument '" + arguments.get(0) + "' for " + command
                        + " (see --help)");
            }
        }

        void require(String flag, String... commands) throws UsageException {
            if (!List.of(commands).contains(command)) {
                throw new UsageException(flag + " belongs to '" + String.join("' or '", commands) + "', not to '"
                        + command + "'");
            }
        }
    }

    private static Words options(Deque<String> rest, String command) throws UsageException {
        Words w = new Words(command);
        while (!rest.isEmpty()) {
            String word = rest.removeFirst();
            String flag = word;
            String inline = null;
            int equals = word.indexOf('=');
            if (word.startsWith("--") && equals > 0) {
                flag = word.substring(0, equals);
                inline = word.substring(equals + 1);
            }
            switch (flag) {
                case "--plugins" -> w.config = w.config.withPluginsDir(Path.of(value(flag, inline, rest)));
                case "--allow-remote" -> w.config = w.config.withAllowRemote(true);
                case "--port" -> w.config = w.config.withPort(port(value(flag, inline, rest)));
                case "--bind" -> w.config = w.config.withBindAddress(address(value(flag, inline, rest)));
                case "--time-limit" -> w.config = w.config.withRunTimeLimit(seconds(value(flag, inline, rest)));
                case "--allowed-host" -> {
                    w.require(flag, "serve");
                    w.config = w.config.withBrowser(w.config.browser().withAllowedHost(value(flag, inline, rest)));
                }
                case "--cors-origin" -> {
                    w.require(flag, "serve");
                    w.config = w.config.withBrowser(w.config.browser().withCorsOrigin(value(flag, inline, rest)));
                }
                case "--max-connections", "--max-connections-per-client", "--request-timeout", "--idle-timeout",
                        "--min-body-rate", "--write-timeout" -> {
                    w.require(flag, "serve");
                    w.config = w.config.withConnections(connectionLimit(w.config.connections(), flag,
                            value(flag, inline, rest)));
                }
                case "--max-runs" -> {
                    w.require(flag, "serve");
                    w.config = w.config.withMaxRunsAtOnce(number(flag, value(flag, inline, rest),
                            ServerConfig.MAX_MAX_RUNS));
                }
                case "--run-store-mb" -> {
                    w.require(flag, "serve");
                    w.config = w.config.withRunStoreBytes(
                            number(flag, value(flag, inline, rest), MAX_RUN_STORE_MB) * 1024L * 1024L);
                }
                case "--param", "-p" -> {
                    w.require(flag, "run");
                    w.params.add(ParamAssignment.parse(value(flag, inline, rest)));
                }
                case "--json" -> {
                    w.require(flag, "run", "list", "describe");
                    w.json = true;
                }
                case "--stack-traces" -> {
                    w.require(flag, "run");
                    w.stackTraces = true;
                }
                case "--all" -> {
                    w.require(flag, "run");
                    w.all = true;
                }
                case "--tag" -> {
                    w.require(flag, "run");
                    w.tags.add(value(flag, inline, rest));
                }
                case "--jobs", "-j" -> {
                    w.require(flag, "run");
                    w.jobs = jobs(value(flag, inline, rest));
                }
                case "--report" -> {
                    w.require(flag, "run");
                    w.reports.add(ReportRequest.parse(value(flag, inline, rest)));
                }
                case "--weight" -> {
                    w.require(flag, "run");
                    addWeight(w.weights, value(flag, inline, rest));
                }
                case "--access-log" -> {
                    w.require(flag, "serve");
                    w.accessLog = accessLogTarget(value(flag, inline, rest));
                }
                default -> {
                    if (word.startsWith("-")) {
                        throw new UsageException("unknown option '" + word + "' for " + command + " (see --help)");
                    }
                    if (!command.equals("run") && !command.equals("describe")) {
                        throw new UsageException("unexpected argument '" + word + "' for " + command + " (see --help)");
                    }
                    w.arguments.add(word);
                }
            }
        }
        return w;
    }

    private static int jobs(String text) throws UsageException {
        try {
            int jobs = Integer.parseInt(text);
            if (jobs >= 1 && jobs <= MAX_JOBS) {
                return jobs;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--jobs takes how many cases run at once, from 1 to " + MAX_JOBS + ", got '" + text
                + "'");
    }

    private static ConnectionLimits connectionLimit(
            ConnectionLimits limits, String flag, String text) throws UsageException {
        boolean seconds = flag.endsWith("-timeout");
        long max = seconds ? 3_600 : flag.equals("--min-body-rate") ? 1L << 30 : 100_000;
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > max) {
            throw new UsageException(flag + " takes a whole number from 1 to " + max
                    + (seconds ? " (seconds)" : flag.equals("--min-body-rate") ? " (bytes per second)" : "")
                    + ", got '" + text + "'");
        }
        int asInt = (int) (seconds ? value * 1000 : value);
        return switch (flag) {
            case "--max-connections" -> limits.withMaxConnections(asInt);
            case "--max-connections-per-client" -> limits.withMaxConnectionsPerClient(asInt);
            case "--request-timeout" -> limits.withRequestTimeoutMillis(asInt);
            case "--idle-timeout" -> limits.withIdleTimeoutMillis(asInt);
            case "--min-body-rate" -> limits.withMinBodyBytesPerSecond(value);
            default -> limits.withWriteTimeoutMillis(asInt);
        };
    }

    private static void addWeight(Map<String, Double> weights, String text) throws UsageException {
        int equals = text.indexOf('=');
        String problem = "--weight takes CASE=POINTS, e.g. --weight tcp-uppercase=10, with points above 0";
        if (equals <= 0) {
            throw new UsageException(problem + "; got '" + text + "'");
        }
        try {
            double points = Double.parseDouble(text.substring(equals + 1));
            if (points > 0 && points <= MAX_WEIGHT) {
                weights.put(text.substring(0, equals), points);
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(problem + "; got '" + text + "'");
    }

    private static String value(String flag, String inline, Deque<String> rest) throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (rest.isEmpty()) {
            throw new UsageException(flag + " needs a value");
        }
        return rest.removeFirst();
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port must be a number from 0 to 65535 (0 picks a free port), got '" + text + "'");
    }

    private static InetAddress address(String text) throws UsageException {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        // Only IP literals: a name would need a DNS lookup, and "which interface" should be explicit anyway.
        if (!host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new UsageException("--bind takes an IP address such as 127.0.0.1, ::1 or 0.0.0.0, got '" + text + "'");
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind: '" + text + "' is not a valid IP address");
        }
    }

    private static String accessLogTarget(String text) throws UsageException {
        if (text.isBlank()) {
            throw new UsageException("--access-log takes a file, '-' for standard error, or 'off'");
        }
        return text;
    }

    private static int number(String flag, String text, int max) throws UsageException {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + " takes a whole number from 1 to " + max + ", got '" + text + "'");
    }

    private static Duration seconds(String text) throws UsageException {
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 1 && seconds <= MAX_TIME_LIMIT_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--time-limit takes whole seconds from 1 to " + MAX_TIME_LIMIT_SECONDS + ", got '"
                + text + "'");
    }
}
