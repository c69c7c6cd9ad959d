package org.socketlab.cases.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the head fields and the body of a raw HTTP message as a case received it, including messages from
 * hand-written servers that end their lines with a bare {@code \n}.
 */
public final class HttpFields {
    private HttpFields() {
    }

    /**
     * Where the head ends; see {@link HttpMessages#headEnd(byte[])}.
     *
     * @param message the bytes received
     * @return the index of the body's first byte, or -1 when no empty line has come
     */
    public static int bodyStart(byte[] message) {
        return HttpMessages.headEnd(message);
    }

    /**
     * The body: everything after the head.
     *
     * @param message the bytes received
     * @return the body, empty when the head has not ended
     */
    public static byte[] body(byte[] message) {
        int start = bodyStart(message);
        return start < 0 ? new byte[0] : Arrays.copyOfRange(message, start, message.length);
    }

    /**
     * The first field of the head with this name, compared without case (RFC 9110 §5.1).
     *
     * @param message the bytes received, at least the head
     * @param name    the field name, e.g. {@code User-Agent}
     * @return the field's value without surrounding white space, or {@code null} when there is none
     */
    public static String value(byte[] message, String name) {
        int end = bodyStart(message);
        String head = new String(message, 0, end < 0 ? message.length : end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        // The first line is the request or status line, not a field.
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase(name)) {
                return lines[i].substring(colon + 1).trim();
            }
        }
        return null;
    }

    /**
     * The first line: a request line or a status line.
     *
     * @param message the bytes received
     * @return the line without its line break; empty when nothing came
     */
    public static String firstLine(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
