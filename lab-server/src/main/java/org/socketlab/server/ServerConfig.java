package org.socketlab.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a Socket Lab server is set up; validated when built, with messages that name the command-line flag.
 *
 * @param bindAddress   where to listen ({@code --bind}); loopback by default
 * @param port          the port ({@code --port}); 0 picks a free one
 * @param pluginsDir    the folder of plugin jars ({@code --plugins}); a missing folder means no plugins
 * @param allowRemote   whether runs may reach hosts other than loopback ({@code --allow-remote})
 * @param runTimeLimit  the longest one run may take
 * @param maxRunsAtOnce how many runs may go on at the same time ({@code --max-runs}); more wait a moment, then 503
 * @param runStoreBytes about how much memory the finished runs kept for {@code GET /api/runs/{id}} may take
 *                      ({@code --run-store-mb})
 * @param browser       the host names and cross-origin callers the operator allows ({@code --allowed-host},
 *                      {@code --cors-origin})
 * @param connections   the limits that keep clients from holding connections ({@code --max-connections}, …)
 */
public record ServerConfig(InetAddress bindAddress, int port, Path pluginsDir, boolean allowRemote,
                           Duration runTimeLimit, int maxRunsAtOnce, long runStoreBytes,
                           org.socketlab.server.http.BrowserPolicy browser,
                           org.socketlab.server.http.ConnectionLimits connections) {

    /** The port of {@code serve} when none is given. */
    public static final int DEFAULT_PORT = 8080;
    /** The plugins folder when none is given, relative to the working directory. */
    public static final Path DEFAULT_PLUGINS_DIR = Path.of("plugins");
    /** Runs beyond this many at once wait, then get 503: each holds threads and sockets. */
    public static final int DEFAULT_MAX_RUNS_AT_ONCE = 32;
    /** The most {@code --max-runs} takes: each run holds a few threads. */
    public static final int MAX_MAX_RUNS = 1024;

    /** @throws IllegalArgumentException naming the flag at fault */
    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Objects.requireNonNull(runTimeLimit, "runTimeLimit");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(connections, "connections");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be from 0 to 65535, got " + port);
        }
        if (maxRunsAtOnce < 1 || maxRunsAtOnce > MAX_MAX_RUNS) {
            throw new IllegalArgumentException("--max-runs must be from 1 to " + MAX_MAX_RUNS + ", got " + maxRunsAtOnce);
        }
        if (runStoreBytes < 1) {
            throw new IllegalArgumentException("--run-store-mb must be positive");
        }
        if (runTimeLimit.isNegative() || runTimeLimit.isZero()) {
            throw new IllegalArgumentException("--time-limit must be positive");
        }
    }

    /** @return the defaults: 127.0.0.1:8080, ./plugins, loopback targets only, 10 s a run */
    public static ServerConfig defaults() {
        return new ServerConfig(InetAddress.getLoopbackAddress(), DEFAULT_PORT, DEFAULT_PLUGINS_DIR, false,
                org.socketlab.engine.RunSettings.DEFAULT_TIME_LIMIT, DEFAULT_MAX_RUNS_AT_ONCE,
                org.socketlab.server.api.RunStore.DEFAULT_MAX_BYTES,
                org.socketlab.server.http.BrowserPolicy.strict(), org.socketlab.server.http.ConnectionLimits.defaults());
    }

    /** @param value the port @return a copy with it */
    public ServerConfig withPort(int value) {
        return new ServerConfig(bindAddress, value, pluginsDir, allowRemote, runTimeLimit, maxRunsAtOnce, runStoreBytes, browser, connections);
    }

    /** @param value the address @return a copy with it */
    public ServerConfig withBindAddress(InetAddress value) {
        return new ServerConfig(value, port, pluginsDir, allowRemote, runTimeLimit, maxRunsAtOnce, runStoreBytes, browser, connections);
    }

    /** @param value the folder @return a copy with it */
    public ServerConfig withPluginsDir(Path value) {
        return new ServerConfig(bindAddress, port, value, allowRemote, runTimeLimit, maxRunsAtOnce, runStoreBytes, browser, connections);
    }

    /** @param value whether runs may reach other hosts @return a copy with it */
    public ServerConfig withAllowRemote(boolean value) {
        return new ServerConfig(bindAddress, port, pluginsDir, value, runTimeLimit, maxRunsAtOnce, runStoreBytes, browser, connections);
    }

    /** @param value the time limit of a run @return a copy with it */
    public ServerConfig withRunTimeLimit(Duration value) {
        return new ServerConfig(bindAddress, port, pluginsDir, allowRemote, value, maxRunsAtOnce, runStoreBytes, browser, connections);
    }

    /** @param value how many runs may go on at once @return a copy with it */
    public ServerConfig withMaxRunsAtOnce(int value) {
        return new ServerConfig(bindAddress, port, pluginsDir, allowRemote, runTimeLimit, value, runStoreBytes, browser, connections);
    }

    /** @param value about how many bytes finished runs may take @return a copy with it */
    public ServerConfig withRunStoreBytes(long value) {
        return new ServerConfig(bindAddress, port, pluginsDir, allowRemote, runTimeLimit, maxRunsAtOnce, value, browser, connections);
    }

    /** @param value the host names and origins the operator allows @return a copy with them */
    public ServerConfig withBrowser(org.socketlab.server.http.BrowserPolicy value) {
        return new ServerConfig(bindAddress, port, pluginsDir, allowRemote, runTimeLimit, maxRunsAtOnce, runStoreBytes, value, connections);
    }

    /** @param value the connection limits @return a copy with them */
    public ServerConfig withConnections(org.socketlab.server.http.ConnectionLimits value) {
        return new ServerConfig(bindAddress, port, pluginsDir, allowRemote, runTimeLimit, maxRunsAtOnce, runStoreBytes,
                browser, value);
    }

    /** @return the settings every run of this server gets */
    public org.socketlab.engine.RunSettings runSettings() {
        org.socketlab.engine.RunSettings settings = org.socketlab.engine.RunSettings.defaults().withTimeLimit(runTimeLimit);
        return allowRemote ? settings.withTargets(org.socketlab.engine.Targets.anyHost()) : settings;
    }
}
