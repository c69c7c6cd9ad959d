package org.socketlab.server.http;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The Date header line (RFC 9110 §6.6.1), formatted at most once a second and shared by all connections. */
final class DateHeader {

    // RFC 9110 §5.6.7: IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT", whose names are fixed English
    // words. Formatted by hand: a DateTimeFormatter with Locale.ENGLISH loaded the locale providers on
    // the first request, about 20 ms of start-up.
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

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

    /** The IMF-fixdate of this second since the epoch. */
    static String imfFixdate(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(29);
        text.append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(text, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ')
                .append(t.getYear()).append(' ');
        twoDigits(text, t.getHour()).append(':');
        twoDigits(text, t.getMinute()).append(':');
        return twoDigits(text, t.getSecond()).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static Line format(long epochSecond) {
        String text = "Date: " + imfFixdate(epochSecond) + "\r\n";
        return new Line(epochSecond, text.getBytes(StandardCharsets.US_ASCII));
    }
}
