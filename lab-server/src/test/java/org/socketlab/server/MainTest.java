package org.socketlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void list_prints_one_case_a_line() {
        assertEquals(0, main("list"));
        assertTrue(out().lines().anyMatch(line -> line.startsWith("missing-message\t")), out());
        assertTrue(out().lines().anyMatch(line -> line.startsWith("port-scanner\t")), out());
    }

    @Test
    void a_passing_run_exits_0_with_a_readable_transcript() {
        assertEquals(0, main("run", "missing-message"));
        assertTrue(out().contains("Bob received: 'HELLO WORLD'"), out());
        assertTrue(out().contains("Outcome: PASSED"), out());
    }

    @Test
    void a_failing_run_exits_1() {
        assertEquals(1, main("run", "missing-message", "--param", "readUntilClosed=false"));
        assertTrue(out().contains("[FAIL] Bob received the whole message"), out());
    }

    @Test
    void a_run_that_ends_in_error_exits_2() {
        assertEquals(2, main("run", "port-scanner", "--param", "host=example.com", "--param", "ports=80"));
        assertTrue(out().contains("not allowed"), out());
    }

    @Test
    void a_fast_scan_prints_a_summary_not_a_line_per_port_and_every_event_before_the_outcome() {
        // On ::1 and below 2001, where no test's listener (bound to an ephemeral port) can be reached.
        assertEquals(0, main("run", "port-scanner", "--param", "host=::1", "--param", "ports=1-2000",
                "--param", "parallel=64"));

        String out = out();
        assertTrue(out.contains("Not shown: 2,000 closed tcp ports (conn-refused)"), out);
        assertTrue(out.contains("Done: 2,000 ports scanned in "), out);
        assertTrue(out.lines().count() < 40, out);
        // The run's last event (the note counting the probes) is printed before the outcome, not lost.
        int note = out.indexOf("without recording each connect");
        assertTrue(note >= 0 && note < out.indexOf("Outcome: PASSED"), out);
    }

    @Test
    void json_output_is_the_api_transcript() {
        assertEquals(1, main("run", "missing-message", "-p", "readUntilClosed=false", "--json"));
        JsonObject transcript = JsonParser.parseString(out()).getAsJsonObject();
        assertEquals("failed", transcript.get("outcome").getAsString());
        assertEquals("missing-message", transcript.get("caseId").getAsString());
    }

    @Test
    void an_unknown_case_exits_64() {
        assertEquals(64, main("run", "no-such-case"));
        assertTrue(err().contains("no-such-case"), err());
    }

    @Test
    void a_bad_param_exits_64_naming_it() {
        assertEquals(64, main("run", "missing-message", "--param", "bufferSize=zero"));
        assertTrue(err().contains("bufferSize"), err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--frobnicate", "--port=99999", "--param=oops"})
    void bad_usage_exits_64(String argument) {
        assertEquals(64, main("run", "missing-message", argument));
        assertTrue(err().startsWith("socketlab: "), err());
    }

    @Test
    void an_unknown_command_exits_64() {
        assertEquals(64, main("frobnicate"));
    }

    @Test
    void help_and_version_work_everywhere() {
        assertEquals(0, main("--help"));
        assertTrue(out().contains("Usage:"));
        assertEquals(0, main("run", "--help"));
        assertTrue(out().contains("--param NAME=VALUE"));
        assertEquals(0, main("--version"));
        assertTrue(out().contains("socketlab "));
        assertEquals(0, main("list", "--version"));
    }
}
