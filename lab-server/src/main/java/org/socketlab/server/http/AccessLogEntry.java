package org.socketlab.server.http;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One answered request, for the access log.
 *
 * @param time           when the response was sent
 * @param remote         the client, or null if unknown
 * @param method         the request method, or null if the request line could not be parsed
 * @param target         the request-target as received, or null likewise
 * @param version        the HTTP version, or null likewise
 * @param status         the status code sent
 * @param bytesSent      bytes of the response, head included
 * @param durationMillis from the first byte of the request to the last of the response
 */
public record AccessLogEntry(Instant time, InetSocketAddress remote, String method, String target, String version,
                             int status, long bytesSent, double durationMillis) {

    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * The entry as one line of the Common Log Format plus the duration, e.g.
     * {@code 127.0.0.1 - - [06/Nov/1994:08:49:37 +0000] "GET /x HTTP/1.1" 200 512 0.734ms}.
     * Client-supplied text has every control character, quote and backslash escaped as
     * {@code \xHH}, so an entry is always one line that cannot fake another.
     */
    public String format() {
        StringBuilder line = new StringBuilder(128);
        line.append(remote == null ? "-" : remote.getAddress().getHostAddress());
        line.append(" - - [").append(CLF_TIME.format(time)).append("] \"");
        if (method == null) {
            line.append('-');
        } else {
            appendEscaped(line, method).append(' ');
            appendEscaped(line, target == null ? "-" : target).append(' ');
            appendEscaped(line, version == null ? "-" : version);
        }
        line.append("\" ").append(status).append(' ').append(bytesSent).append(' ');
        appendMillis(line, durationMillis);
        return line.append("ms").toString();
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
