package org.socketlab.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessLogOptionTest {

    @Test
    void serve_logs_to_standard_error_unless_told_otherwise() throws UsageException {
        assertEquals("-", ((Command.Serve) CommandLineParser.parse("serve")).accessLog());
        assertEquals("-", ((Command.Serve) CommandLineParser.parse("--port", "0")).accessLog());
    }

    @Test
    void serve_takes_a_file_a_dash_or_off() throws UsageException {
        assertEquals("off", ((Command.Serve) CommandLineParser.parse("serve", "--access-log", "off")).accessLog());
        assertEquals("access.log", ((Command.Serve) CommandLineParser.parse("--access-log=access.log")).accessLog());
        assertEquals("-", ((Command.Serve) CommandLineParser.parse("--access-log", "off", "--access-log", "-"))
                .accessLog());
    }

    @Test
    void the_option_belongs_to_serve_and_needs_a_value() {
        UsageException run = assertThrows(UsageException.class,
                () -> CommandLineParser.parse("run", "missing-message", "--access-log", "off"));
        assertTrue(run.getMessage().contains("belongs to 'serve'"), run.getMessage());
        UsageException missing = assertThrows(UsageException.class, () -> CommandLineParser.parse("--access-log"));
        assertTrue(missing.getMessage().contains("needs a value"), missing.getMessage());
    }
}
