package org.socketlab.cases.support;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The cases' raw-HTTP toolkit: builds the messages the cases send by hand, as the handouts do, and reads
 * the messages they receive. Every reader in {@code support/} ({@link HttpRequestReader},
 * {@link HttpResponseReader}, {@link HttpResponseParts}) finds lines and fields here, so all of them agree on
 * one rule: a line ends with CRLF or with a bare LF, which RFC 9112 §2.2 lets a recipient accept and which
 * some of the handouts' hand-written servers send.
 */
public final class HttpMessages {
    /** RFC 9110 §5.6.7: IMF-fixdate, with a two-digit day (the JDK's RFC 1123 format may print one). */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private HttpMessages() {
    }

    /** @return the current time as a {@code Date} header value, e.g. {@code Fri, 11 Jul 2025 06:02:39 GMT} */
    public static String date() {
        return HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    /**
     * A whole message: its head, which ends with the empty line, then its body.
     *
     * @param head the start line and fields, each ending with CRLF, and the final CRLF
     * @param body the body's bytes
     * @return the bytes of the message
     */
    public static byte[] message(String head, byte[] body) {
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /**
     * A complete response with {@code Content-Length} and {@code Connection: close}.
     *
     * @param status the status code and reason, e.g. {@code "200 OK"}
     * @param contentType the body's media type
     * @param body the body
     * @return the bytes of the whole response
     */
    public static byte[] response(String status, String contentType, byte[] body) {
        return message("HTTP/1.1 " + status + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + "\r\n", body);
    }

    /**
     * Where the head of a message ends: just past the first empty line, CRLF or bare LF.
     *
     * @param data the bytes received so far
     * @return the index of the body's first byte, or -1 if the empty line has not come yet
     */
    public static int headEnd(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] != '\n') {
                continue;
            }
            if (i + 1 < data.length && data[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < data.length && data[i + 1] == '\r' && data[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /**
     * The lines of the head: the request or status line first, then the field lines, without line breaks
     * and without the empty line that ends the head. When the head has not ended, the lines that came.
     *
     * @param message the bytes received
     * @return the lines; empty when nothing came
     */
    public static List<String> headLines(byte[] message) {
        int end = headEnd(message);
        String head = new String(message, 0, end < 0 ? message.length : end, StandardCharsets.ISO_8859_1);
        return Arrays.stream(head.split("\r?\n")).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * The first line: a request line or a status line.
     *
     * @param message the bytes received
     * @return the line without its line break; empty when nothing came
     */
    public static String firstLine(byte[] message) {
        List<String> lines = headLines(message);
        return lines.isEmpty() ? "" : lines.get(0).strip();
    }

    /**
     * The first field of the head with this name, compared without case (RFC 9110 §5.1).
     *
     * @param message the bytes received, at least the head
     * @param name    the field name, e.g. {@code User-Agent}
     * @return the field's value without surrounding white space, or {@code null} when there is none
     */
    public static String field(byte[] message, String name) {
        return field(headLines(message), name);
    }

    /**
     * Like {@link #field(byte[], String)} for head lines already split.
     *
     * @param headLines the head's lines, the first being the request or status line
     * @param name      the field name
     * @return the value, or {@code null}
     */
    public static String field(List<String> headLines, String name) {
        for (int i = 1; i < headLines.size(); i++) {
            String line = headLines.get(i);
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                    .equals(name.toLowerCase(Locale.ROOT))) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /**
     * The {@code Content-Length} of a message's head.
     *
     * @param message the bytes received, at least the head
     * @return the body's length in bytes, or -1 when the field is missing or not a number
     */
    public static long contentLength(byte[] message) {
        String value = field(message, "Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value);
            return length < 0 ? -1 : length;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The body: everything after the head, as received (a chunked body is not decoded here).
     *
     * @param message the bytes received
     * @return the body, empty when the head has not ended
     */
    public static byte[] body(byte[] message) {
        int start = headEnd(message);
        return start < 0 ? new byte[0] : Arrays.copyOfRange(message, start, message.length);
    }

    /**
     * The path of a request's first line ({@code GET /index.html HTTP/1.1} → {@code /index.html}), without
     * its query.
     *
     * @param request the request bytes, at least its first line
     * @return the path, or {@code ""} when the line is malformed
     */
    public static String requestPath(byte[] request) {
        String[] parts = firstLine(request).split(" ");
        if (parts.length != 3) {
            return "";
        }
        int query = parts[1].indexOf('?');
        return query < 0 ? parts[1] : parts[1].substring(0, query);
    }

    /**
     * The status code of a response's first line ({@code HTTP/1.1 404 Not Found} → 404).
     *
     * @param response the response bytes, at least its first line
     * @return the code, or -1 when the line is not a status line
     */
    public static int statusCode(byte[] response) {
        String text = new String(response, 0, Math.min(response.length, 64), StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/") || text.length() < 12 || text.charAt(8) != ' ') {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
