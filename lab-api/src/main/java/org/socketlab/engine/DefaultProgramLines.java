package org.socketlab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socketlab.api.Program;
import org.socketlab.api.transcript.EventKind;

/**
 * The line an event names when its actor never said where it was ({@code Actor.at}), read from the actor's
 * program the way a student would find it:
 * <ul>
 * <li>a socket event: the one line that makes that kind of call ({@code .recv(}, {@code .sendto(} …; a TCP
 * listen is the {@code .listen(} line, a UDP one the {@code .bind(} line);</li>
 * <li>an error: the one line of the call it names ({@code recv timed out} → the recv line; a refused or
 * failed connect → the connect line);</li>
 * <li>an output line: the one {@code print} (or {@code input} prompt) whose string literals all appear in
 * it, the most specific one when several do ({@code print(f"Received: {data}")} for {@code Received: hi});
 * literals given to a method, as in {@code .decode('ascii')}, are not printed text.</li>
 * </ul>
 * Only when the actor runs one program and exactly one line fits: a wrong highlight would mislead more
 * than none.
 */
final class DefaultProgramLines {
    private static final Map<EventKind, Pattern> CALLS = Map.of(
            EventKind.CONNECT, Pattern.compile("\\.connect(_ex)?\\("),
            EventKind.ACCEPT, Pattern.compile("\\.accept\\("),
            EventKind.SEND, Pattern.compile("\\.(send|sendall|sendto)\\("),
            EventKind.RECV, Pattern.compile("\\.(recv|recvfrom)\\("),
            EventKind.CLOSE, Pattern.compile("\\.close\\("));
    private static final Pattern TCP_LISTEN = Pattern.compile("\\.listen\\(");
    private static final Pattern UDP_BIND = Pattern.compile("\\.bind\\(");
    // A print, or a prompt: input() and raw_input() print their argument, and the console shows what was typed.
    private static final Pattern PRINT = Pattern.compile("\\bprint\\b|\\b(raw_)?input\\(");
    // A method call's arguments, as in .decode('ascii') or .split('\r\n'): not printed text.
    private static final Pattern METHOD_ARGUMENTS = Pattern.compile("\\.\\w+\\([^()]*\\)");
    // A string literal, without its prefix (f, b, r) and quotes; the {…} of an f-string are cut out later.
    private static final Pattern LITERAL = Pattern.compile("[a-zA-Z]{0,2}(\"([^\"\\\\]|\\\\.)*\"|'([^'\\\\]|\\\\.)*')");

    private final Map<String, Source> byActor = new HashMap<>();

    DefaultProgramLines(List<Program> programs) {
        Map<String, Integer> programsPerActor = new HashMap<>();
        programs.forEach(p -> programsPerActor.merge(p.actor(), 1, Integer::sum));
        for (Program program : programs) {
            if (programsPerActor.get(program.actor()) == 1) {
                byActor.put(program.actor(), new Source(program));
            }
        }
    }

    /** @return the one line of the actor's program that made this event, or {@code null} */
    ProgramLine of(String actor, EventKind kind, String protocol, String text) {
        Source source = byActor.get(actor);
        if (source == null) {
            return null;
        }
        int line = switch (kind) {
            case LISTEN -> source.onlyLine("udp".equals(protocol) ? UDP_BIND : TCP_LISTEN);
            case CONNECT, ACCEPT, SEND, RECV, CLOSE -> source.onlyLine(CALLS.get(kind));
            case ERROR -> errorLine(source, text);
            case OUTPUT -> printLine(source, text);
            default -> 0;
        };
        return line > 0 ? new ProgramLine(source.program.file(), line) : null;
    }

    private static int errorLine(Source source, String text) {
        if (text == null) {
            return 0;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("recv")) {
            return source.onlyLine(CALLS.get(EventKind.RECV));
        }
        if (lower.contains("send")) {
            return source.onlyLine(CALLS.get(EventKind.SEND));
        }
        if (lower.contains("bind")) {
            return source.onlyLine(UDP_BIND);
        }
        if (lower.contains("refused") || lower.contains("connect") || lower.contains("unknown host")) {
            return source.onlyLine(CALLS.get(EventKind.CONNECT));
        }
        return 0;
    }

    // The print whose literals all occur in the printed line; the one with the most literal text wins, and
    // a tie between two candidates means no answer.
    private static int printLine(Source source, String printed) {
        if (printed == null || printed.isBlank()) {
            // An empty line is the "\n" of some print's text: any guess would be a wrong highlight.
            return 0;
        }
        int best = 0;
        int bestScore = -1;
        boolean tie = false;
        for (Print print : source.prints()) {
            int score = print.scoreFor(printed);
            if (score > bestScore) {
                best = print.line;
                bestScore = score;
                tie = false;
            } else if (score == bestScore) {
                tie = true;
            }
        }
        return bestScore < 0 || tie ? 0 : best;
    }

    /**
     * One program, read once: the answers above depend on its text alone, and reading it (splitting the
     * source, matching each line's regular expressions) cost 1-4 ms an event on a cold JVM when it was done
     * for every event again. Called from the run's threads at once.
     */
    private static final class Source {
        private final Program program;
        private final Map<Pattern, Integer> onlyLines = new ConcurrentHashMap<>();
        private List<String> code;
        private List<Print> prints;

        Source(Program program) {
            this.program = program;
        }

        /** @return the stripped source lines; element 0 is line 1 */
        private synchronized List<String> code() {
            if (code == null) {
                code = program.lines().stream().map(String::strip).toList();
            }
            return code;
        }

        /** @return the prints (and prompts) of the program, each with the literal text it prints */
        synchronized List<Print> prints() {
            if (prints == null) {
                List<Print> found = new ArrayList<>();
                List<String> lines = code();
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!line.startsWith("#") && PRINT.matcher(line).find()) {
                        found.add(new Print(i + 1, literalPieces(line)));
                    }
                }
                prints = List.copyOf(found);
            }
            return prints;
        }

        /** @return the number of the one line that makes the call, or 0 if none or several do */
        int onlyLine(Pattern call) {
            return onlyLines.computeIfAbsent(call, this::findOnlyLine);
        }

        private int findOnlyLine(Pattern call) {
            List<String> lines = code();
            int found = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.startsWith("#") && call.matcher(line).find()) {
                    if (found != 0) {
                        return 0;
                    }
                    found = i + 1;
                }
            }
            return found;
        }
    }

    /** A print line and the pieces of literal text it prints, the {…} of f-strings cut out. */
    private static final class Print {
        private final int line;
        private final List<String> pieces;

        Print(int line, List<String> pieces) {
            this.line = line;
            this.pieces = pieces;
        }

        /** @return how many literal characters of the print occur in the output, or -1 if one does not */
        int scoreFor(String printed) {
            int score = 0;
            for (String piece : pieces) {
                if (!printed.contains(piece)) {
                    return -1;
                }
                score += piece.length();
            }
            return score;
        }
    }

    private static List<String> literalPieces(String printLine) {
        List<String> pieces = new ArrayList<>();
        Matcher m = LITERAL.matcher(METHOD_ARGUMENTS.matcher(printLine).replaceAll(""));
        while (m.find()) {
            String quoted = m.group(1);
            String body = quoted.substring(1, quoted.length() - 1).replace("\\n", "\n").replace("\\'", "'")
                    .replace("\\\"", "\"");
            for (String piece : body.split("\\{[^}]*}")) {
                String trimmed = piece.strip();
                if (!trimmed.isEmpty()) {
                    pieces.add(trimmed);
                }
            }
        }
        return List.copyOf(pieces);
    }
}
