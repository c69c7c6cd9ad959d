package org.socketlab.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;
import org.socketlab.server.plugins.Catalogue;
import org.socketlab.server.plugins.RegisteredCase;

/** {@code run --stack-traces}: the trace of a case that threw goes to stderr, never into stdout or its JSON. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StackTracesOptionTest {
    /** Throws from a line of its own. */
    public static final class ThrowingCase implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("throwing").title("T").summary("Throws.").source("tests").build();
        }

        @Override
        public void run(RunContext context) {
            context.actor("Program").print("about to throw");
            throw new IllegalStateException("the case's own bug");
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... words) throws UsageException {
        Command.Run run = (Command.Run) CommandLineParser.parse(words);
        LabCase labCase = new ThrowingCase();
        Catalogue catalogue = Catalogue.of(List.of(new RegisteredCase(labCase.info(), List.of(), labCase,
                RegisteredCase.BUILT_IN)), List.of());
        return new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(run, catalogue);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void without_the_option_the_error_line_names_the_cases_line_and_no_trace_is_printed() throws Exception {
        assertEquals(ExitStatus.ERROR, run("run", "throwing"));

        assertTrue(out().contains("IllegalStateException: the case's own bug (at "
                + ThrowingCase.class.getName() + ".run(StackTracesOptionTest.java:"), out());
        assertFalse(err().contains("full stack trace"), err());
    }

    @Test
    void with_the_option_the_trace_goes_to_stderr_the_case_frames_first() throws Exception {
        assertEquals(ExitStatus.ERROR, run("run", "throwing", "--stack-traces"));

        String caseFrame = "\n    at " + ThrowingCase.class.getName() + ".run(StackTracesOptionTest.java:";
        assertTrue(err().startsWith("socketlab: case throwing threw: IllegalStateException: the case's own bug (at "),
                err());
        assertTrue(err().indexOf(caseFrame) < err().indexOf("full stack trace:\njava.lang.IllegalStateException"),
                err());
        assertFalse(out().contains("full stack trace"), out());
    }

    @Test
    void with_json_stdout_stays_one_json_document_and_the_trace_goes_to_stderr() throws Exception {
        assertEquals(ExitStatus.ERROR, run("run", "throwing", "--json", "--stack-traces"));

        assertEquals("error", JsonParser.parseString(out()).getAsJsonObject().get("outcome").getAsString());
        assertTrue(err().contains("full stack trace:\njava.lang.IllegalStateException: the case's own bug"), err());
    }

    @Test
    void a_suite_prints_the_trace_of_each_case_that_threw() throws Exception {
        assertEquals(ExitStatus.ERROR, run("run", "--all", "--stack-traces"));

        assertTrue(out().lines().anyMatch(l -> l.startsWith("ERROR   throwing ")), out());
        assertTrue(err().contains("full stack trace:\njava.lang.IllegalStateException"), err());
    }
}
