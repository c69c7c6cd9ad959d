package org.socketlab.server.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/** Reads a field section, the header fields of a request or the trailer of a chunked body (RFC 9112 §5). */
final class HeadersParser {

    // wrk sends one field, curl three; a browser's ten grow the arrays twice.
    private static final int INITIAL_FIELDS = 4;

    private HeadersParser() {
    }

    /**
     * Reads field lines up to and including the empty line that ends the section.
     *
     * @param maxBytes the most bytes the section may take, line terminators included
     * @param tooLarge the status when it takes more (431 for headers)
     * @throws HttpException 400 for a malformed field line, tooLarge past maxBytes
     * @throws EOFException  if the stream ends before the empty line
     */
    static Headers parse(RequestInput input, int maxBytes, Status tooLarge) throws IOException {
        return parse(input, maxBytes, tooLarge, RecentStrings.NONE);
    }

    /** As {@link #parse(RequestInput, int, Status)}, taking names and values that repeat from {@code recent}. */
    static Headers parse(RequestInput input, int maxBytes, Status tooLarge, RecentStrings recent) throws IOException {
        String[] names = new String[INITIAL_FIELDS];
        String[] values = new String[INITIAL_FIELDS];
        int count = 0;
        int remaining = maxBytes;
        while (true) {
            int length;
            try {
                length = input.readLine(Math.max(0, remaining - 1), tooLarge, "the header section");
            } catch (HttpException e) {
                // readLine names the room left for this line; the client needs the section's limit.
                throw e.status() == tooLarge
                        ? new HttpException(tooLarge, "the header section is larger than " + maxBytes + " bytes") : e;
            }
            if (length < 0) {
                throw new EOFException("stream ended inside the header section");
            }
            remaining -= input.lineBytesConsumed();
            if (remaining < 0) {
                throw new HttpException(tooLarge, "the header section is larger than " + maxBytes + " bytes");
            }
            if (length == 0) {
                return new Headers(names, values, count);
            }
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            byte[] buf = input.buffer();
            int start = input.lineStart();
            int colon = nameEnd(buf, start, start + length);
            names[count] = recent.latin1(buf, start, colon - start);
            values[count] = value(buf, colon + 1, start + length, recent);
            count++;
        }
    }

    /** Where the field name of the line at buf[start, end) ends, at its colon. */
    private static int nameEnd(byte[] buf, int start, int end) {
        if (Grammar.isWhitespace(buf[start])) {
            // RFC 9112 §5.2: obs-fold (a line starting with whitespace) is rejected with 400, and
            // §2.2: so is whitespace between the start-line and the first field.
            throw bad("a header line starts with whitespace (obsolete line folding)");
        }
        int i = start;
        while (i < end && Grammar.isTokenChar(buf[i])) {
            i++;
        }
        if (i == end) {
            throw bad("a header line has no colon");
        }
        if (buf[i] != ':') {
            // RFC 9112 §5.1: a server MUST reject whitespace between field name and colon with 400.
            throw bad(Grammar.isWhitespace(buf[i])
                    ? "a header name is followed by whitespace before the colon"
                    : "a header name holds a character that is not allowed");
        }
        if (i == start) {
            throw bad("a header line has an empty name");
        }
        return i;
    }

    private static String value(byte[] buf, int start, int end, RecentStrings recent) {
        // RFC 9112 §5.1: optional whitespace around the value is not part of it.
        while (start < end && Grammar.isWhitespace(buf[start])) {
            start++;
        }
        while (end > start && Grammar.isWhitespace(buf[end - 1])) {
            end--;
        }
        for (int i = start; i < end; i++) {
            if (!Grammar.isFieldValueChar(buf[i])) {
                // RFC 9110 §5.5: CR, LF, NUL (and here every other control) are invalid.
                throw bad("a header value holds a control character");
            }
        }
        // ISO-8859-1 keeps obs-text bytes one to one (RFC 9110 §5.5).
        return recent.latin1(buf, start, end - start);
    }

    private static HttpException bad(String message) {
        return new HttpException(Status.BAD_REQUEST, message);
    }
}
