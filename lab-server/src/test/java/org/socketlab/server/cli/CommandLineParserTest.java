package org.socketlab.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineParserTest {

    private static Command.Run run(String... args) throws UsageException {
        return (Command.Run) CommandLineParser.parse(args);
    }

    @Test
    void run_takes_several_case_ids_in_order() throws UsageException {
        Command.Run run = run("run", "missing-message", "port-scanner", "--json");

        assertEquals(List.of("missing-message", "port-scanner"), run.selection().caseIds());
        assertTrue(run.json());
        assertEquals(1, run.jobs());
    }

    @Test
    void run_takes_all_tags_jobs_reports_and_weights() throws UsageException {
        Command.Run run = run("run", "--all", "--tag", "udp", "--tag=tcp", "-j", "4", "--report", "junit=out/j.xml",
                "--report=tap=t.tap", "--weight", "tcp-counter=2.5");

        assertTrue(run.selection().all());
        assertEquals(List.of("udp", "tcp"), run.selection().tags());
        assertEquals(4, run.jobs());
        assertEquals(List.of(new ReportRequest(ReportRequest.Format.JUNIT, Path.of("out/j.xml")),
                new ReportRequest(ReportRequest.Format.TAP, Path.of("t.tap"))), run.reports());
        assertEquals(Map.of("tcp-counter", 2.5), run.weights());
    }

    @Test
    void a_param_may_name_its_case() throws UsageException {
        Command.Run run = run("run", "a-case", "-p", "bufferSize=8", "--param", "a-case.message=x=y");

        assertEquals(List.of(new ParamAssignment(null, "bufferSize", "8"), new ParamAssignment("a-case", "message", "x=y")),
                run.params());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--jobs=0", "--jobs=65", "--report=xml=f", "--report=junit=", "--weight=a=0",
            "--weight=a", "--param=.x=1", "--param=a.b.c=1", "--param==1"})
    void bad_run_options_are_usage_errors(String option) {
        assertThrows(UsageException.class, () -> CommandLineParser.parse("run", "x", option));
    }

    @Test
    void run_without_a_case_says_how_to_pick_them() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLineParser.parse("run", "--json"));

        assertTrue(e.getMessage().contains("--all"), e.getMessage());
    }

    @Test
    void describe_takes_exactly_one_case() throws UsageException {
        assertEquals(new Command.Describe("x", true, ((Command.Describe) CommandLineParser.parse("describe", "x",
                "--json")).config()), CommandLineParser.parse("describe", "x", "--json"));
        assertThrows(UsageException.class, () -> CommandLineParser.parse("describe"));
        assertThrows(UsageException.class, () -> CommandLineParser.parse("describe", "x", "y"));
    }

    @Test
    void suite_options_belong_to_run() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLineParser.parse("list", "--all"));

        assertTrue(e.getMessage().contains("--all belongs to 'run'"), e.getMessage());
        assertThrows(UsageException.class, () -> CommandLineParser.parse("serve", "--json"));
    }

    @Test
    void list_takes_json() throws UsageException {
        assertTrue(((Command.ListCases) CommandLineParser.parse("list", "--json")).json());
    }
}
