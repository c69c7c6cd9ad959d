package org.socketlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.server.api.CatalogueJson;

/** The command line's suites, reports, describe and JSON forms, through {@link Main#execute}. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MainSuiteTest {
    // Failing and erring on purpose, fast and without a network: Bob's single recv, a scan of a host not allowed.
    private static final String[] FAILS = {"missing-message", "--param", "missing-message.readUntilClosed=false"};
    private static final String[] ERRS = {"port-scanner", "--param", "port-scanner.host=example.com",
            "--param", "port-scanner.ports=80"};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).execute(args);
    }

    private static String[] run(String[]... parts) {
        List<String> words = new ArrayList<>(List.of("run"));
        for (String[] part : parts) {
            words.addAll(List.of(part));
        }
        return words.toArray(String[]::new);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_suite_that_passes_exits_0_with_a_line_a_case_and_a_total() {
        assertEquals(0, main("run", "missing-message", "tcp-counter"));

        assertTrue(out().lines().anyMatch(l -> l.startsWith("PASSED  missing-message ")), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("PASSED  tcp-counter ")), out());
        assertTrue(out().contains("2 cases: 2 passed, 0 failed, 0 error in "), out());
    }

    @Test
    void a_suite_with_a_failure_exits_1_and_names_the_failed_check() {
        assertEquals(1, main(run(new String[] {"tcp-counter"}, FAILS)));

        assertTrue(out().lines().anyMatch(l -> l.startsWith("FAILED  missing-message ")
                && l.contains("failed: Bob received the whole message")), out());
    }

    @Test
    void a_suite_with_an_error_exits_2_whatever_else_failed() {
        assertEquals(2, main(run(ERRS, FAILS, new String[] {"tcp-counter"})));

        assertTrue(out().contains("3 cases: 1 passed, 1 failed, 1 error"), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("ERROR   port-scanner ") && l.contains("error: ")), out());
    }

    @Test
    void a_suite_with_a_bad_value_exits_64_before_running_anything() {
        assertEquals(64, main("run", "tcp-counter", "missing-message", "--param", "missing-message.bufferSize=0"));

        assertTrue(err().contains("missing-message: parameter 'bufferSize'"), err());
        assertFalse(out().contains("PASSED"), "nothing ran: " + out());
    }

    @Test
    void a_param_that_no_selected_case_declares_is_refused() {
        assertEquals(64, main("run", "tcp-counter", "--param", "noSuchThing=1"));

        assertTrue(err().contains("no selected case has a parameter 'noSuchThing'"), err());
    }

    @Test
    void a_plain_param_applies_to_every_selected_case_that_declares_it() {
        assertEquals(1, main("run", "missing-message", "tcp-counter", "--param", "readUntilClosed=false", "--json"));

        JsonObject suite = JsonParser.parseString(out()).getAsJsonObject();
        JsonArray runs = suite.getAsJsonArray("runs");
        assertEquals(false, runs.get(0).getAsJsonObject().getAsJsonObject("params").get("readUntilClosed")
                .getAsBoolean());
        assertFalse(runs.get(1).getAsJsonObject().getAsJsonObject("params").has("readUntilClosed"));
    }

    @Test
    void case_params_win_over_plain_ones_whatever_their_order() {
        assertEquals(0, main("run", "missing-message", "tcp-counter", "--param", "missing-message.readUntilClosed=true",
                "--param", "readUntilClosed=false", "--json"));

        JsonObject first = JsonParser.parseString(out()).getAsJsonObject().getAsJsonArray("runs").get(0)
                .getAsJsonObject();
        assertTrue(first.getAsJsonObject("params").get("readUntilClosed").getAsBoolean());
    }

    @Test
    void json_of_a_suite_is_one_document_with_every_transcript_and_a_summary() {
        assertEquals(2, main(run(new String[] {"--json"}, FAILS, ERRS, new String[] {"tcp-counter"})));

        JsonObject suite = JsonParser.parseString(out()).getAsJsonObject();
        assertEquals(3, suite.getAsJsonArray("runs").size());
        JsonObject summary = suite.getAsJsonObject("summary");
        assertEquals(3, summary.get("total").getAsInt());
        assertEquals(1, summary.get("failed").getAsInt());
        assertEquals("error", summary.get("outcome").getAsString());
        assertTrue(err().contains("3 cases: 1 passed, 1 failed, 1 error"), "progress goes to stderr: " + err());
    }

    @Test
    void usage_errors_under_json_are_json_naming_the_parameter() {
        assertEquals(64, main("run", "missing-message", "--json", "--param", "bufferSize=zero"));

        JsonObject error = JsonParser.parseString(out()).getAsJsonObject();
        assertEquals("bufferSize", error.get("parameter").getAsString());
        assertTrue(error.get("error").getAsString().contains("must be an integer from 1 to 65536, got 'zero'"),
                error.toString());
    }

    @Test
    void command_line_errors_under_json_are_json_too() {
        assertEquals(64, main("run", "--json", "--jobs", "many", "--all"));

        JsonObject error = JsonParser.parseString(out()).getAsJsonObject();
        assertTrue(error.get("error").getAsString().startsWith("--jobs takes"), error.toString());
        assertFalse(error.has("parameter"));
    }

    @Test
    void an_unknown_tag_is_refused_and_a_tag_selects_its_cases() {
        assertEquals(64, main("run", "--tag", "no-such-tag"));
        assertTrue(err().contains("no case has the tag 'no-such-tag'"), err());

        List<String> tagged = new ArrayList<>();
        JsonParser.parseString(listJson()).getAsJsonObject().getAsJsonArray("cases").forEach(c -> {
            if (c.getAsJsonObject().getAsJsonArray("tags").contains(new com.google.gson.JsonPrimitive("udp"))) {
                tagged.add(c.getAsJsonObject().get("id").getAsString());
            }
        });
        out.reset();
        assertEquals(0, main("run", "--tag", "udp", "--json"));
        List<String> ran = new ArrayList<>();
        JsonParser.parseString(out()).getAsJsonObject().getAsJsonArray("runs")
                .forEach(r -> ran.add(r.getAsJsonObject().get("caseId").getAsString()));
        assertTrue(tagged.size() >= 2, tagged.toString());
        assertEquals(tagged, ran);
    }

    @Test
    void all_cases_run_several_at_once_and_each_is_reported_once(@TempDir Path dir) throws Exception {
        Path junit = dir.resolve("junit.xml");
        int cases = JsonParser.parseString(listJson()).getAsJsonObject().getAsJsonArray("cases").size();
        out.reset();

        int status = main("run", "--all", "--jobs", "4", "--report", "junit=" + junit, "--report",
                "tap=" + dir.resolve("suite.tap"), "--report", "gradescope=" + dir.resolve("results.json"));

        assertEquals(0, status, out());
        assertEquals(cases, out().lines().filter(l -> l.startsWith("PASSED ")).count(), out());
        String xml = Files.readString(junit);
        assertEquals(cases, xml.split("<testcase ", -1).length - 1);
        assertTrue(Files.readString(dir.resolve("suite.tap")).contains("\n1.." + cases + "\n"));
        JsonObject results = JsonParser.parseString(Files.readString(dir.resolve("results.json"))).getAsJsonObject();
        assertEquals(cases, results.get("score").getAsDouble(), 1e-6, "one point a case, every check passed");
    }

    @Test
    void a_single_case_keeps_printing_its_whole_transcript() {
        assertEquals(0, main("run", "missing-message"));

        assertTrue(out().contains("Events:\n"), out());
        assertTrue(out().contains("listen"), out());
        assertTrue(out().contains("Outcome: PASSED"), out());
    }

    @Test
    void a_case_waiting_for_the_students_client_prints_the_port_first_and_records_the_client() throws Exception {
        var registry = Registries.load(ServerConfig.defaults(), new PrintStream(new ByteArrayOutputStream()));
        boolean live = registry.catalogue().find("tcp-uppercase").orElseThrow().params().stream()
                .anyMatch(p -> p.name().equals("listenPort"));
        org.junit.jupiter.api.Assumptions.assumeTrue(live, "tcp-uppercase takes no listenPort in this build");
        WatchedOutput watched = new WatchedOutput();
        java.util.concurrent.FutureTask<Integer> run = new java.util.concurrent.FutureTask<>(() -> new Main(
                new PrintStream(watched, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute("run", "tcp-uppercase", "--param", "listenPort=0", "--param", "liveSeconds=10"));
        new Thread(run, "cli-under-test").start();

        java.util.regex.Matcher banner = watched.await(java.util.regex.Pattern.compile(
                ">>> Listening on 127\\.0\\.0\\.1:(\\d+)"), Duration.ofSeconds(20));
        try (java.net.Socket client = new java.net.Socket("127.0.0.1", Integer.parseInt(banner.group(1)))) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("hello lab".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            assertEquals("HELLO LAB", new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
        }

        assertEquals(0, run.get(30, TimeUnit.SECONDS).intValue(), watched.text());
        String text = watched.text();
        assertTrue(text.indexOf(">>> Listening on") < text.indexOf(" listen "), "the port comes first: " + text);
        assertTrue(text.contains("HELLO LAB"), text);
    }

    /** Output a test can wait on: each write wakes whoever waits for a pattern to appear. */
    private static final class WatchedOutput extends java.io.OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized java.util.regex.Matcher await(java.util.regex.Pattern pattern, Duration limit)
                throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            java.util.regex.Matcher matcher = pattern.matcher(text());
            while (!matcher.find()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + pattern + " within " + limit + " in:\n" + text());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
                matcher = pattern.matcher(text());
            }
            return matcher;
        }
    }

    @Test
    void list_json_and_describe_json_print_what_the_api_answers() {
        var catalogue = Registries.load(ServerConfig.defaults(), new PrintStream(new ByteArrayOutputStream()))
                .catalogue();
        CatalogueJson api = CatalogueJson.render(catalogue);

        assertEquals(new String(api.cases(), StandardCharsets.UTF_8) + "\n", listJson());
        out.reset();
        assertEquals(0, main("describe", "missing-message", "--json"));
        assertEquals(new String(api.details().get("missing-message"), StandardCharsets.UTF_8) + "\n", out());
    }

    @Test
    void describe_prints_the_parameters_with_their_types_defaults_and_ranges() {
        assertEquals(0, main("describe", "missing-message"));

        assertTrue(out().startsWith("missing-message: The Missing Message Mystery\n"), out());
        assertTrue(out().contains("Exercise: Handout 000"), out());
        assertTrue(out().lines().anyMatch(l -> l.matches("\\s+bufferSize\\s+int\\s+default 8; from 1 to 65536")), out());
        assertTrue(out().lines().anyMatch(l -> l.matches("\\s+readUntilClosed\\s+boolean\\s+default true")), out());
    }

    @Test
    void describe_of_an_unknown_case_exits_64() {
        assertEquals(64, main("describe", "no-such-case", "--json"));

        assertTrue(JsonParser.parseString(out()).getAsJsonObject().get("error").getAsString().contains("no-such-case"));
    }

    private String listJson() {
        out.reset();
        assertEquals(0, main("list", "--json"));
        return out();
    }
}
