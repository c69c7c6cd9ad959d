package org.socketlab.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.api.LabCase;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Transcript;

/**
 * Every case's default run prints what the handout's programs print: its console output is compared line by
 * line with a fixture taken from the handout (fixtures/README.md says where each comes from). In a fixture,
 * {@code {*}} stands for what differs from run to run (a port, a date, a time).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandoutOutputTest {
    private static final String ACTOR = "== ";

    static Stream<Named<LabCase>> cases() {
        return ServiceLoader.load(LabCase.class).stream().map(ServiceLoader.Provider::get)
                .map(c -> Named.of(c.info().id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_default_run_prints_what_the_handout_shows(LabCase labCase) throws IOException {
        String id = labCase.info().id();
        Map<String, List<String>> expected = fixture(id);

        Transcript transcript = UndisturbedRuns.run(labCase);

        // Each program prints on its own console, as in the handouts: lines are compared actor by actor.
        Map<String, List<String>> actual = new LinkedHashMap<>();
        transcript.events().stream().filter(e -> e.kind() == EventKind.OUTPUT)
                .forEach(e -> actual.computeIfAbsent(e.actor(), a -> new ArrayList<>()).add(e.text()));
        assertEquals(expected.keySet(), actual.keySet(), id + ": the actors that print; output: " + actual);
        expected.forEach((actor, lines) -> compare(id + ", " + actor, lines, actual.get(actor)));
    }

    private static void compare(String what, List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!matches(expected.get(i), actual.get(i))) {
                fail(what + ", output line " + (i + 1) + ":\n  expected: " + expected.get(i) + "\n  actual:   "
                        + actual.get(i) + "\nwhole output:\n" + String.join("\n", actual));
            }
        }
        assertEquals(expected.size(), actual.size(), what + ": number of output lines; whole output:\n"
                + String.join("\n", actual));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_case_shows_its_handout_programs(LabCase labCase) {
        assertFalse(labCase.info().programs().isEmpty(), labCase.info().id() + " declares no program");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_line_an_event_names_is_a_line_of_its_actors_program(LabCase labCase) {
        Transcript transcript = UndisturbedRuns.run(labCase);

        List<String> wrong = transcript.events().stream().filter(e -> e.program() != null)
                .filter(e -> labCase.info().program(e.program())
                        .filter(p -> p.actor().equals(e.actor()) && e.line() <= p.lines().size()).isEmpty())
                .map(e -> e.actor() + " " + e.kind().jsonName() + " -> " + e.program() + ":" + e.line()).toList();
        assertEquals(List.of(), wrong, labCase.info().id());
        assertFalse(transcript.events().stream().noneMatch(e -> e.line() != null),
                labCase.info().id() + ": no event names a program line");
    }

    private static boolean matches(String pattern, String line) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split(Pattern.quote("{*}"), -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                regex.append(".*?");
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(line).matches();
    }

    // "== Actor" starts the console of one actor; the lines after it are that console's, exactly.
    private static Map<String, List<String>> fixture(String id) throws IOException {
        try (InputStream in = HandoutOutputTest.class.getResourceAsStream("/fixtures/" + id + ".txt")) {
            assertNotNull(in, "no fixture fixtures/" + id + ".txt");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> consoles = new LinkedHashMap<>();
            List<String> current = null;
            // The file ends with a line break after its last line; every other line break separates lines.
            for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
                if (line.startsWith(ACTOR)) {
                    current = consoles.computeIfAbsent(line.substring(ACTOR.length()), a -> new ArrayList<>());
                } else {
                    assertNotNull(current, id + ".txt must start with '" + ACTOR + "Name'");
                    current.add(line);
                }
            }
            return consoles;
        }
    }
}
