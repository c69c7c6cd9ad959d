package org.socketlab.api;

import java.util.List;
import java.util.Objects;

/**
 * The program one actor of a case runs, as the handout gives it: shown beside the transcript, where each
 * recorded event names the line that made it (see {@link Actor#at(Program, int)}).
 *
 * <p>Where the handout prints the code, {@code code} is that code verbatim. Where the handout only
 * describes the program or shows its output (a screenshot, a task statement), the lab writes the program
 * the handout implies, marks it {@code reconstructed} and says in {@code note} what it was rebuilt from,
 * so a student never mistakes it for the handout's own text.
 *
 * @param actor         the actor that runs it, as named in {@link RunContext#actor(String)} ("Bob")
 * @param file          its file name as the handout calls it ({@code server.py}); unique within a case
 * @param language      the language, lowercase ({@code python}, {@code shell}); a hint for display
 * @param code          the source, lines separated by {@code \n}; line 1 is the first line
 * @param reconstructed whether the lab wrote it from a description or a screenshot rather than copying it
 * @param note          where it comes from or what differs from the handout; may be {@code null}
 * @since 1.1
 */
public record Program(String actor, String file, String language, String code, boolean reconstructed, String note) {

    /**
     * Validates the values and normalises line breaks to {@code \n}.
     *
     * @param actor the actor that runs it, as named in {@link RunContext#actor(String)} ("Bob")
     * @param file its file name as the handout calls it ({@code server.py}); unique within a case
     * @param language the language, lowercase ({@code python}, {@code shell}); a hint for display
     * @param code the source, lines separated by {@code \n}; line 1 is the first line
     * @param reconstructed whether the lab wrote it from a description or a screenshot rather than copying it
     * @param note where it comes from or what differs from the handout; may be {@code null}
     * @throws IllegalArgumentException when the actor, file or language is blank, or the code is empty
     * @throws NullPointerException     when the actor, file, language or code is {@code null}
     */
    public Program {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(code, "code");
        if (actor.isBlank() || file.isBlank() || language.isBlank()) {
            throw new IllegalArgumentException("a program needs an actor, a file name and a language");
        }
        code = code.replace("\r\n", "\n");
        if (code.isBlank()) {
            throw new IllegalArgumentException("program " + file + " has no code");
        }
    }

    /**
     * A program the handout prints in full, copied as it is.
     *
     * @param actor    the actor that runs it
     * @param file     its file name
     * @param language its language, lowercase
     * @param code     the handout's code
     * @return the program, not reconstructed, without a note
     */
    public static Program verbatim(String actor, String file, String language, String code) {
        return new Program(actor, file, language, code, false, null);
    }

    /**
     * A program the lab wrote from the handout's description or screenshots.
     *
     * @param actor    the actor that runs it
     * @param file     its file name
     * @param language its language, lowercase
     * @param code     the lab's faithful reconstruction
     * @param note     what it was reconstructed from ("the handout's screenshot of its output")
     * @return the program, marked reconstructed
     */
    public static Program reconstructed(String actor, String file, String language, String code, String note) {
        return new Program(actor, file, language, code, true, note);
    }

    /** @return the source lines; element 0 is line 1 */
    public List<String> lines() {
        return List.of(code.split("\n", -1));
    }

    /**
     * The number of the one line that contains {@code fragment}, so a case can name a line by its code
     * rather than by a number that breaks when the program is edited.
     *
     * @param fragment text that occurs on exactly one line
     * @return the line number, from 1
     * @throws IllegalArgumentException when no line, or more than one, contains it
     */
    public int lineOf(String fragment) {
        Objects.requireNonNull(fragment, "fragment");
        List<String> lines = lines();
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                if (found != 0) {
                    throw new IllegalArgumentException(file + ": '" + fragment + "' is on line " + found
                            + " and on line " + (i + 1));
                }
                found = i + 1;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException(file + " has no line with '" + fragment + "'");
        }
        return found;
    }
}
