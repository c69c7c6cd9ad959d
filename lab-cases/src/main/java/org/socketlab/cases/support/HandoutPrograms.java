package org.socketlab.cases.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.socketlab.api.Program;

/**
 * Loads the handouts' programs kept beside the cases ({@code programs/h000/server.py} …), so that each case
 * can show the code its actors run and name the line of every event.
 */
public final class HandoutPrograms {
    private static final String ROOT = "/org/socketlab/cases/programs/";
    /** Where a transcription from a screenshot of an editor comes from. */
    public static final String FROM_SCREENSHOT =
            "Transcribed from the handout's screenshot of the editor, with its line numbers.";

    private HandoutPrograms() {
    }

    /**
     * A program the handout prints as text, copied exactly.
     *
     * @param actor who runs it
     * @param path  the resource under {@code programs/}, e.g. {@code h000/server.py}; its last segment is the
     *              file name shown
     * @return the program
     */
    public static Program verbatim(String actor, String path) {
        return Program.verbatim(actor, fileName(path), language(path), load(path));
    }

    /**
     * A program the lab rebuilt from the handout's description, screenshot or output.
     *
     * @param actor who runs it
     * @param path  the resource under {@code programs/}
     * @param note  what it was rebuilt from
     * @return the program, marked reconstructed
     */
    public static Program reconstructed(String actor, String path, String note) {
        return Program.reconstructed(actor, fileName(path), language(path), load(path), note);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String language(String path) {
        return path.endsWith(".sh") ? "shell" : "python";
    }

    private static String load(String path) {
        try (InputStream in = HandoutPrograms.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("no program " + path + " beside the cases");
            }
            // A trailing line break ends the last line; it is not a line of its own.
            String code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
