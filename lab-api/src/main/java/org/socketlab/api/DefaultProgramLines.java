package org.socketlab.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.socketlab.api.transcript.EventKind;

/**
 * The line an event names when its actor never said where it was ({@link Actor#at}): when the actor runs one
 * program and exactly one line of it makes that kind of socket call ({@code .recv(}, {@code .sendto(} …), that
 * line made the event. A program with two recv lines, or an actor with two programs, gets no default: a wrong
 * highlight would mislead more than none.
 */
final class DefaultProgramLines {
    private static final Map<EventKind, Pattern> CALLS = Map.of(
            EventKind.LISTEN, Pattern.compile("\\.listen\\(|\\.bind\\("),
            EventKind.CONNECT, Pattern.compile("\\.connect(_ex)?\\("),
            EventKind.ACCEPT, Pattern.compile("\\.accept\\("),
            EventKind.SEND, Pattern.compile("\\.(send|sendall|sendto)\\("),
            EventKind.RECV, Pattern.compile("\\.(recv|recvfrom)\\("),
            EventKind.CLOSE, Pattern.compile("\\.close\\("));

    private final Map<String, Map<EventKind, ProgramLine>> byActor = new HashMap<>();

    DefaultProgramLines(List<Program> programs) {
        Map<String, Integer> programsPerActor = new HashMap<>();
        programs.forEach(p -> programsPerActor.merge(p.actor(), 1, Integer::sum));
        for (Program program : programs) {
            if (programsPerActor.get(program.actor()) != 1) {
                continue;
            }
            Map<EventKind, ProgramLine> lines = new HashMap<>();
            CALLS.forEach((kind, call) -> {
                List<String> code = program.lines();
                int found = 0;
                for (int i = 0; i < code.size(); i++) {
                    String line = code.get(i).strip();
                    if (!line.startsWith("#") && call.matcher(line).find()) {
                        found = found == 0 ? i + 1 : -1;
                    }
                }
                if (found > 0) {
                    lines.put(kind, new ProgramLine(program.file(), found));
                }
            });
            byActor.put(program.actor(), lines);
        }
    }

    /** @return the one line of the actor's program that makes {@code kind}, or {@code null} */
    ProgramLine of(String actor, EventKind kind) {
        Map<EventKind, ProgramLine> lines = byActor.get(actor);
        return lines == null ? null : lines.get(kind);
    }
}
