package org.socketlab.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.server.JsonSchemas;
import org.socketlab.server.api.Json;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class ReportsTest {
    private static final Transcript PASSED = transcript("tcp-counter", List.of(new Check("counts", true, "3", "3"),
            new Check("answers", true, null, null)), null);
    private static final Transcript FAILED = transcript("missing-message",
            List.of(new Check("Bob received the whole message", false, "HELLO WORLD", "HELLO WO"),
                    new Check("Alice sent", true, null, null), new Check("a <b> & \"c\"", false, "\u0000\u0007", null)),
            null);
    private static final Transcript ERROR = transcript("port-scanner", List.of(),
            "target example.com is not allowed: loopback only");
    private static final List<Transcript> SUITE = List.of(PASSED, FAILED, ERROR);

    private static Transcript transcript(String caseId, List<Check> checks, String error) {
        return new Transcript(Transcript.FORMAT_VERSION, caseId, caseId + "-run", Map.of("bufferSize", 8),
                Instant.parse("2026-12-01T14:00:00.123Z"), 12.5, Transcript.outcomeOf(checks, error), List.of(),
                List.of("Bob received: 'HELLO WO'\u0001"), checks, error);
    }

    private static Document junitDocument(String xml) throws Exception {
        var schemaFactory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream xsd = ReportsTest.class.getResourceAsStream("/reports/junit.xsd")) {
            schemaFactory.newSchema(new StreamSource(xsd)).newValidator()
                    .validate(new StreamSource(new StringReader(xml)));
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    @Test
    void junit_report_is_valid_against_the_schema_and_reads_back_case_by_case() throws Exception {
        Document xml = junitDocument(JUnitReport.of("socketlab", SUITE));

        Element suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        List<Element> cases = elements(suite, "testcase");
        assertEquals(List.of("tcp-counter", "missing-message", "port-scanner"),
                cases.stream().map(c -> c.getAttribute("name")).toList());
        assertEquals("0.013", cases.get(0).getAttribute("time"));
        assertTrue(elements(cases.get(0), "failure").isEmpty());
        assertTrue(elements(cases.get(0), "error").isEmpty());
    }

    @Test
    void junit_report_has_a_failure_per_failed_check_with_expected_and_actual() throws Exception {
        Element failedCase = elements(junitDocument(JUnitReport.of("socketlab", SUITE)).getDocumentElement(),
                "testcase").get(1);

        List<Element> failures = elements(failedCase, "failure");
        assertEquals(2, failures.size());
        assertEquals("Bob received the whole message", failures.get(0).getAttribute("message"));
        assertTrue(failures.get(0).getTextContent().contains("expected: HELLO WORLD"), failures.get(0).getTextContent());
        assertTrue(failures.get(0).getTextContent().contains("actual:   HELLO WO"));
        assertEquals("a <b> & \"c\"", failures.get(1).getAttribute("message"));
        // Control characters cannot be in XML 1.0 at all: they are shown, not dropped or left to break the file.
        assertTrue(failures.get(1).getTextContent().contains("\\u0000\\u0007"), failures.get(1).getTextContent());
        String out = elements(failedCase, "system-out").get(0).getTextContent();
        assertTrue(out.contains("Case missing-message") && out.contains("[FAIL] Bob received the whole message"), out);
    }

    @Test
    void junit_report_has_an_error_when_the_lab_could_not_run_the_case() throws Exception {
        Element errorCase = elements(junitDocument(JUnitReport.of("socketlab", SUITE)).getDocumentElement(),
                "testcase").get(2);

        List<Element> errors = elements(errorCase, "error");
        assertEquals(1, errors.size());
        assertEquals(ERROR.error(), errors.get(0).getAttribute("message"));
        assertTrue(elements(errorCase, "failure").isEmpty());
    }

    @Test
    void the_junit_schema_refuses_a_report_it_should() {
        String broken = JUnitReport.of("socketlab", SUITE).replace("tests=\"3\"", "tests=\"three\"");

        assertThrows(SAXException.class, () -> junitDocument(broken));
    }

    // Python's junitparser reads JUnit XML as the CI tools built on it do; used where the machine has it
    // (Debian: apt-get install python3-junitparser).
    private static final String JUNITPARSER_SCRIPT = """
            import json, sys
            from junitparser import JUnitXml
            xml = JUnitXml.fromfile(sys.argv[1])
            print(json.dumps({"tests": xml.tests, "failures": xml.failures, "errors": xml.errors,
                "cases": [[c.name, [type(r).__name__ + ":" + (r.message or "") for r in c.result]] for c in xml]}))
            """;

    @Test
    void junit_report_is_read_back_by_python_junitparser(@TempDir Path dir) throws Exception {
        String python3 = pythonWithJunitparser();
        org.junit.jupiter.api.Assumptions.assumeTrue(python3 != null,
                "python3 with junitparser is not on this machine (apt-get install python3-junitparser)");
        Path report = dir.resolve("junit.xml");
        Files.writeString(report, JUnitReport.of("socketlab", SUITE));

        Process python = new ProcessBuilder(python3, "-c", JUNITPARSER_SCRIPT, report.toString())
                .redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "python3 did not end");

        assertEquals(0, python.exitValue(), out);
        JsonObject read = JsonParser.parseString(out).getAsJsonObject();
        assertEquals(3, read.get("tests").getAsInt());
        assertEquals(1, read.get("failures").getAsInt());
        assertEquals(1, read.get("errors").getAsInt());
        assertEquals("[[\"tcp-counter\",[]],[\"missing-message\",[\"Failure:Bob received the whole message\","
                + "\"Failure:a <b> & \\\"c\\\"\"]],[\"port-scanner\",[\"Error:" + ERROR.error() + "\"]]]",
                read.get("cases").toString());
    }

    // The python3 on the PATH may be a version manager's without Debian's packages: try the system one too.
    private static String pythonWithJunitparser() {
        for (String python3 : List.of("python3", "/usr/bin/python3")) {
            try {
                Process probe = new ProcessBuilder(python3, "-c", "import junitparser").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return python3;
                }
            } catch (IOException e) {
                // not there: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    @Test
    void gradescope_results_have_the_documented_fields_and_a_test_per_check() throws IOException {
        String json = Json.pretty(GradescopeReport.of(SUITE, Map.of("missing-message", 6.0), id -> List.of("tcp")));
        String schema;
        try (InputStream in = ReportsTest.class.getResourceAsStream("/reports/gradescope-results.schema.json")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        JsonSchemas.assertValid(JsonSchemas.schema(schema), json, "results.json");
        JsonObject results = JsonParser.parseString(json).getAsJsonObject();
        JsonArray tests = results.getAsJsonArray("tests");
        // 2 checks of tcp-counter, 3 of missing-message, 1 test for the run that ended in error.
        assertEquals(6, tests.size());
        JsonObject first = tests.get(0).getAsJsonObject();
        assertEquals("tcp-counter: counts", first.get("name").getAsString());
        assertEquals(0.5, first.get("max_score").getAsDouble());
        assertEquals("passed", first.get("status").getAsString());
        JsonObject bob = tests.get(2).getAsJsonObject();
        assertEquals(2.0, bob.get("max_score").getAsDouble(), "6 points over 3 checks");
        assertEquals(0.0, bob.get("score").getAsDouble());
        assertTrue(bob.get("output").getAsString().contains("expected: HELLO WORLD"));
        JsonObject error = tests.get(5).getAsJsonObject();
        assertEquals(0.0, error.get("score").getAsDouble());
        assertEquals(1.0, error.get("max_score").getAsDouble(), "an error run weighs its case's whole weight");
        assertTrue(error.get("output").getAsString().contains("not allowed"));
        // 1 (tcp-counter) + 2 (Alice sent) = 3 points of 1 + 6 + 1.
        assertEquals(3.0, results.get("score").getAsDouble());
        double max = 0;
        for (var test : tests) {
            max += test.getAsJsonObject().get("max_score").getAsDouble();
        }
        assertEquals(8.0, max, 1e-9);
    }

    @Test
    void a_passed_run_without_checks_earns_its_whole_weight_in_gradescope() {
        Transcript noChecks = transcript("socket-basics", List.of(), null);

        JsonObject results = GradescopeReport.of(List.of(noChecks), Map.of("socket-basics", 2.0), id -> List.of());

        JsonObject test = results.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals("passed", test.get("status").getAsString());
        assertEquals(2.0, test.get("score").getAsDouble());
        assertEquals(2.0, results.get("score").getAsDouble());
    }

    @Test
    void the_gradescope_schema_refuses_a_misspelt_field() {
        String json = Json.pretty(GradescopeReport.of(SUITE, Map.of(), id -> List.of())).replace("\"max_score\"",
                "\"maxScore\"");
        String schema;
        try (InputStream in = ReportsTest.class.getResourceAsStream("/reports/gradescope-results.schema.json")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertFalse(JsonSchemas.problems(JsonSchemas.schema(schema), json).isEmpty());
    }

    @Test
    void tap_report_has_a_plan_a_test_point_per_run_and_yaml_for_the_others() {
        String tap = TapReport.of(SUITE);
        List<String> lines = tap.lines().toList();

        assertEquals("TAP version 13", lines.get(0));
        assertEquals("1..3", lines.get(1));
        assertEquals(List.of("ok 1 - tcp-counter", "not ok 2 - missing-message", "not ok 3 - port-scanner"),
                lines.stream().filter(l -> l.matches("(not )?ok \\d+ - .*")).toList());
        assertTrue(tap.contains("  severity: fail\n") && tap.contains("  severity: error\n"), tap);
        assertTrue(tap.contains("      expected: \"HELLO WORLD\"\n"), tap);
        assertTrue(tap.contains("      expected: \"\\u0000\\u0007\"\n"), tap);
        assertEquals(2, lines.stream().filter(l -> l.equals("  ---")).count());
        assertEquals(2, lines.stream().filter(l -> l.equals("  ...")).count());
    }

    @Test
    void reports_are_written_to_their_files_creating_folders(@TempDir Path dir) throws IOException {
        Path junit = dir.resolve("reports/junit.xml");
        Path tap = dir.resolve("out.tap");

        Reports.write(List.of(new ReportRequest(ReportRequest.Format.JUNIT, junit),
                new ReportRequest(ReportRequest.Format.TAP, tap)), SUITE, Map.of(), id -> List.of());

        assertTrue(Files.readString(junit).startsWith("<?xml"));
        assertTrue(Files.readString(tap).startsWith("TAP version 13"));
        assertEquals(List.of("out.tap", "reports"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void outcome_of_the_sample_suite_is_as_expected() {
        assertEquals(List.of(Outcome.PASSED, Outcome.FAILED, Outcome.ERROR), SUITE.stream().map(Transcript::outcome)
                .toList());
    }
}
