package org.socketlab.server.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The Date header line (RFC 9110 §6.6.1), formatted at most once a second and shared by all connections. */
final class DateHeader {

    // RFC 9110 §5.6.7: IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT" (two-digit day, which
    // DateTimeFormatter.RFC_1123_DATE_TIME does not give).
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Line(long epochSecond, byte[] bytes) {
    }

    private volatile Line current = format(System.currentTimeMillis() / 1000);

    /** "Date: ... CRLF" as bytes for the current second; callers must not modify the array. */
    byte[] line() {
        long now = System.currentTimeMillis() / 1000;
        Line line = current;
        if (line.epochSecond != now) {
            // Racing threads may both format; either result is right, so no lock is needed.
            line = format(now);
            current = line;
        }
        return line.bytes;
    }

    private static Line format(long epochSecond) {
        String text = "Date: " + IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond)) + "\r\n";
        return new Line(epochSecond, text.getBytes(StandardCharsets.US_ASCII));
    }
}
