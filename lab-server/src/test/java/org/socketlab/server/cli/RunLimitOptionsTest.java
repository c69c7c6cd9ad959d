package org.socketlab.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.server.ServerConfig;

/** {@code serve --max-runs N --run-store-mb N}: how many runs go on at once, how much memory finished ones keep. */
class RunLimitOptionsTest {
    @Test
    void serve_takes_max_runs_and_the_run_store_size() throws Exception {
        Command.Serve serve = (Command.Serve) CommandLineParser.parse("serve", "--max-runs", "4", "--run-store-mb=8");

        assertEquals(4, serve.config().maxRunsAtOnce());
        assertEquals(8L * 1024 * 1024, serve.config().runStoreBytes());
    }

    @Test
    void the_defaults_are_32_runs_and_64_mib() throws Exception {
        Command.Serve serve = (Command.Serve) CommandLineParser.parse("serve");

        assertEquals(ServerConfig.DEFAULT_MAX_RUNS_AT_ONCE, serve.config().maxRunsAtOnce());
        assertEquals(64L * 1024 * 1024, serve.config().runStoreBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--max-runs=0", "--max-runs=many", "--max-runs=5000", "--run-store-mb=0", "--run-store-mb=-1"})
    void a_bad_value_is_refused_naming_the_option(String option) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLineParser.parse("serve", option));

        assertTrue(e.getMessage().startsWith(option.substring(0, option.indexOf('='))), e.getMessage());
    }

    @Test
    void the_help_of_serve_describes_both() {
        String help = Usage.of("serve");

        assertTrue(help.contains("--max-runs N"), help);
        assertTrue(help.contains("--run-store-mb N"), help);
    }
}
