package org.socketlab.server.http;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One answered request, for the access log.
 *
 * @param time           when the response was sent
 * @param remote         the client, or null if unknown
 * @param method         the request method, or null if the request line could not be parsed
 * @param target         the request-target as received, or null likewise
 * @param version        the HTTP version, or null likewise
 * @param status         the status code sent
 * @param bodyBytes      bytes of the response body sent, as nginx's {@code $body_bytes_sent}: the head
 *                       and the chunked framing are not counted, a HEAD response counts 0
 * @param referer        the request's Referer field, or null
 * @param userAgent      the request's User-Agent field, or null
 * @param durationMillis from the first byte of the request to the last of the response
 */
public record AccessLogEntry(Instant time, InetSocketAddress remote, String method, String target, String version,
                             int status, long bodyBytes, String referer, String userAgent, double durationMillis) {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    /** An entry without Referer and User-Agent. */
    public AccessLogEntry(Instant time, InetSocketAddress remote, String method, String target, String version,
                          int status, long bodyBytes, double durationMillis) {
        this(time, remote, method, target, version, status, bodyBytes, null, null, durationMillis);
    }

    /**
     * The entry as one line of nginx's {@code combined} format plus the duration, e.g.
     * {@code 127.0.0.1 - - [06/Nov/1994:08:49:37 +0000] "GET /x HTTP/1.1" 200 512 "-" "curl/8.0" 0.734ms}.
     * Client-supplied text has every control character, quote and backslash escaped as
     * {@code \xHH}, so an entry is always one line that cannot fake another.
     */
    public String format() {
        return appendTo(new StringBuilder(160), formatTime(time), formatAddress(remote)).toString();
    }

    /** Appends the line, without a line end, with the time and the client formatted as in {@link #format()}. */
    StringBuilder appendTo(StringBuilder line, String formattedTime, String formattedAddress) {
        line.append(formattedAddress).append(" - - [").append(formattedTime).append("] ");
        return appendDuration(appendRequest(line));
    }

    /**
     * Appends the part of the line between the time and the duration, e.g.
     * {@code "GET /x HTTP/1.1" 200 512 "-" "curl/8.0" }: the part a client that repeats its request repeats.
     */
    StringBuilder appendRequest(StringBuilder line) {
        line.append('"');
        if (method == null) {
            line.append('-');
        } else {
            appendEscaped(line, method).append(' ');
            appendEscaped(line, target == null ? "-" : target).append(' ');
            appendEscaped(line, version == null ? "-" : version);
        }
        line.append("\" ").append(status).append(' ').append(bodyBytes).append(" \"");
        appendEscaped(line, referer == null ? "-" : referer).append("\" \"");
        return appendEscaped(line, userAgent == null ? "-" : userAgent).append("\" ");
    }

    /** Whether {@link #appendRequest} appends the same text for both entries. */
    boolean sameRequestPart(AccessLogEntry other) {
        return status == other.status && bodyBytes == other.bodyBytes && Objects.equals(target, other.target)
                && Objects.equals(method, other.method) && Objects.equals(version, other.version)
                && Objects.equals(userAgent, other.userAgent) && Objects.equals(referer, other.referer);
    }

    /** Appends the duration, e.g. {@code 0.734ms}. */
    StringBuilder appendDuration(StringBuilder line) {
        appendMillis(line, durationMillis);
        return line.append("ms");
    }

    /** The client as the log writes it: its IP address, or "-". */
    static String formatAddress(InetSocketAddress remote) {
        return remote == null ? "-" : remote.getAddress().getHostAddress();
    }

    /** The time as the log writes it, {@code 06/Nov/1994:08:49:37 +0000}. */
    static String formatTime(Instant time) {
        // By hand, in UTC: a DateTimeFormatter with Locale.ENGLISH loads the locale providers.
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(26);
        twoDigits(text, t.getDayOfMonth()).append('/').append(MONTHS[t.getMonthValue() - 1]).append('/')
                .append(t.getYear()).append(':');
        twoDigits(text, t.getHour()).append(':');
        twoDigits(text, t.getMinute()).append(':');
        return twoDigits(text, t.getSecond()).append(" +0000").toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** The text with control characters, quotes and backslashes escaped, for one log line. */
    static String escape(String text) {
        return appendEscaped(new StringBuilder(text.length() + 16), text).toString();
    }

    private static StringBuilder appendEscaped(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                line.append("\\x").append(Character.forDigit(c >> 4 & 0xF, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                line.append(c);
            }
        }
        return line;
    }

    private static void appendMillis(StringBuilder line, double millis) {
        long micros = Math.round(Math.max(0, millis) * 1000);
        line.append(micros / 1000).append('.');
        long fraction = micros % 1000;
        line.append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "").append(fraction);
    }
}
