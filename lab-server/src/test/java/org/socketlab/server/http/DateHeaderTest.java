package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateHeaderTest {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(longs = {0, 784_111_777, 951_782_400, 1_700_000_000, 1_796_135_548, 4_102_444_799L})
    void formats_the_imf_fixdate_of_rfc_9110(long epochSecond) {
        assertEquals(IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond)), DateHeader.imfFixdate(epochSecond));
    }

    @ParameterizedTest
    @ValueSource(longs = {784_111_777})
    void matches_the_example_of_rfc_9110(long epochSecond) {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", DateHeader.imfFixdate(epochSecond));
    }
}
