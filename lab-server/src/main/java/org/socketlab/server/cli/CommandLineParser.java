package org.socketlab.server.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.socketlab.server.ServerConfig;
import org.socketlab.server.http.ConnectionLimits;

/**
 * Parses {@code socketlab [serve|list|run CASE] [options]}. Options take their value as the next word
 * or after {@code =} ({@code --port 0}, {@code --port=0}).
 */
public final class CommandLineParser {
    private static final int MAX_TIME_LIMIT_SECONDS = 600;
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
            throw new UsageException("unknown command '" + name + "' (commands: serve, list, run)");
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            return new Command.Help(explicit ? name : null);
        }
        if (rest.contains("--version") || rest.contains("-V")) {
            return new Command.Version();
        }
        return switch (name) {
            case "list" -> new Command.ListCases(options(rest, name, null, null, null));
            case "run" -> parseRun(rest);
            default -> parseServe(rest);
        };
    }

    private static Command parseRun(Deque<String> rest) throws UsageException {
        if (rest.isEmpty() || rest.peekFirst().startsWith("-")) {
            throw new UsageException("run needs a case id, e.g. 'run missing-message' ('list' shows them)");
        }
        String caseId = rest.removeFirst();
        Map<String, String> params = new LinkedHashMap<>();
        boolean[] json = {false};
        ServerConfig config = options(rest, "run", params, json, null);
        return new Command.Run(caseId, params, json[0], config);
    }

    private static Command parseServe(Deque<String> rest) throws UsageException {
        String[] accessLog = {Command.Serve.ACCESS_LOG_STDERR};
        ServerConfig config = options(rest, "serve", null, null, accessLog);
        return new Command.Serve(config, accessLog[0]);
    }

    // Reads the options every command shares, plus --param and --json for run (when params is not null) and
    // --access-log for serve (when accessLog is not null).
    private static ServerConfig options(Deque<String> rest, String command, Map<String, String> params, boolean[] json,
                                        String[] accessLog) throws UsageException {
        ServerConfig config = ServerConfig.defaults();
        while (!rest.isEmpty()) {
            String word = rest.removeFirst();
            String flag = word;
            String inline = null;
            int equals = word.indexOf('=');
            if (word.startsWith("--") && equals > 0) {
                flag = word.substring(0, equals);
                inline = word.substring(equals + 1);
            }
            boolean run = params != null;
            switch (flag) {
                case "--plugins" -> config = config.withPluginsDir(Path.of(value(flag, inline, rest)));
                case "--allow-remote" -> config = config.withAllowRemote(true);
                case "--port" -> config = config.withPort(port(value(flag, inline, rest)));
                case "--bind" -> config = config.withBindAddress(address(value(flag, inline, rest)));
                case "--time-limit" -> config = config.withRunTimeLimit(seconds(value(flag, inline, rest)));
                case "--allowed-host" -> {
                    requireServe(command, flag);
                    config = config.withBrowser(config.browser().withAllowedHost(value(flag, inline, rest)));
                }
                case "--cors-origin" -> {
                    requireServe(command, flag);
                    config = config.withBrowser(config.browser().withCorsOrigin(value(flag, inline, rest)));
                }
                case "--max-connections", "--max-connections-per-client", "--request-timeout", "--idle-timeout",
                        "--min-body-rate", "--write-timeout" -> {
                    requireServe(command, flag);
                    config = config.withConnections(connectionLimit(config.connections(), flag, value(flag, inline, rest)));
                }
                case "--max-runs" -> {
                    requireServe(command, flag);
                    config = config.withMaxRunsAtOnce(number(flag, value(flag, inline, rest), ServerConfig.MAX_MAX_RUNS));
                }
                case "--run-store-mb" -> {
                    requireServe(command, flag);
                    config = config.withRunStoreBytes(
                            number(flag, value(flag, inline, rest), MAX_RUN_STORE_MB) * 1024L * 1024L);
                }
                case "--param", "-p" -> {
                    requireRun(run, flag, command);
                    addParam(params, value(flag, inline, rest));
                }
                case "--json" -> {
                    requireRun(run, flag, command);
                    json[0] = true;
                }
                case "--access-log" -> {
                    requireServe(command, flag);
                    accessLog[0] = accessLogTarget(value(flag, inline, rest));
                }
                default -> throw new UsageException(word.startsWith("-")
                        ? "unknown option '" + word + "' for " + command + " (see --help)"
                        : "unexpected argument '" + word + "' for " + command + " (see --help)");
            }
        }
        return config;
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

    private static void requireServe(String command, String flag) throws UsageException {
        if (!command.equals("serve")) {
            throw new UsageException(flag + " belongs to 'serve', not to '" + command + "'");
        }
    }

    private static void requireRun(boolean run, String flag, String command) throws UsageException {
        if (!run) {
            throw new UsageException(flag + " belongs to 'run', not to '" + command + "'");
        }
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

    private static void addParam(Map<String, String> params, String assignment) throws UsageException {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new UsageException("--param takes NAME=VALUE, e.g. --param bufferSize=1024; got '" + assignment + "'");
        }
        params.put(assignment.substring(0, equals), assignment.substring(equals + 1));
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
