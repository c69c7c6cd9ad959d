package org.socketlab.cases.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The bytes a client received for one HTTP response, split into status line, header lines and body, so
 * that a case can check what arrived (a truncated body, a missing status line) without trusting it.
 *
 * @param statusLine  the first line, without its line break; {@code ""} when nothing came
 * @param headerLines the header field lines in order, repeated fields kept
 * @param body        the bytes after the blank line; all the bytes when the head never ended
 * @param headEnded   whether the blank line that ends the head arrived
 */
public record HttpResponseParts(String statusLine, List<String> headerLines, byte[] body, boolean headEnded) {

    /** Copies the values. */
    public HttpResponseParts {
        headerLines = List.copyOf(headerLines);
        body = body.clone();
    }

    /**
     * Splits received bytes. Never fails: whatever came is kept, so a check can show it.
     *
     * @param received the bytes as received, possibly cut anywhere
     * @return the parts
     */
    public static HttpResponseParts parse(byte[] received) {
        int end = HttpMessages.headEnd(received);
        byte[] body = end < 0 ? new byte[0] : Arrays.copyOfRange(received, end, received.length);
        List<String> lines = HttpMessages.headLines(received);
        String status = lines.isEmpty() ? "" : lines.get(0);
        List<String> headers = lines.size() < 2 ? List.of() : lines.subList(1, lines.size());
        return new HttpResponseParts(status, headers, end < 0 ? new byte[0] : body, end >= 0);
    }

    /** @return the body bytes (a copy) */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return the body decoded as UTF-8 */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the status code, or -1 when the first line is not a status line */
    public int statusCode() {
        return HttpMessages.statusCode(statusLine.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The value of the first header field with this name (RFC 9110 §5.1: names are case-insensitive).
     *
     * @param name a field name
     * @return its value without surrounding spaces, or empty when absent
     */
    public Optional<String> header(String name) {
        List<String> lines = new java.util.ArrayList<>(headerLines);
        lines.add(0, statusLine);
        return Optional.ofNullable(HttpMessages.field(lines, name));
    }

    /** @return the {@code Content-Length} value, or empty when absent or not a number */
    public OptionalInt contentLength() {
        try {
            return header("Content-Length").map(value -> OptionalInt.of(Integer.parseInt(value)))
                    .orElse(OptionalInt.empty());
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Whether the body that came is the whole body the head announced: as long as {@code Content-Length},
     * or ending with the last chunk of a chunked body (RFC 9112 §7.1). A response with neither ends when
     * the server closes, which the bytes alone cannot show: then this returns {@code true}.
     *
     * @return whether nothing is missing from the body, as far as the head tells
     */
    public boolean bodyComplete() {
        if (!headEnded) {
            return false;
        }
        if (header("Transfer-Encoding").map(value -> value.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            return bodyText().endsWith("0\r\n\r\n");
        }
        OptionalInt length = contentLength();
        return length.isEmpty() || body.length >= length.getAsInt();
    }

    /** @return what the head announced about the body's length, for a check's "expected" text */
    public String announcedLength() {
        if (header("Transfer-Encoding").isPresent()) {
            return "a chunked body ending with its last chunk (0)";
        }
        OptionalInt length = contentLength();
        return length.isPresent() ? length.getAsInt() + " body bytes (Content-Length)" : "a body ending at close";
    }
}
