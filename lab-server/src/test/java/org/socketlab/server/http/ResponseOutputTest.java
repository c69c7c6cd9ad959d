package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResponseOutputTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 10, 1750, 65_536, Long.MAX_VALUE})
    void writes_a_number_in_decimal_as_long_to_string_would(long value) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ResponseOutput out = new ResponseOutput(wire);

        out.write('[');
        out.writeDecimal(value);
        out.write(']');
        out.flush();

        assertEquals("[" + value + "]", wire.toString(StandardCharsets.US_ASCII));
        assertEquals(Long.toString(value).length() + 2, out.bytesWritten());
    }

    @Test
    void writes_a_number_that_does_not_fit_in_what_is_left_of_the_buffer() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ResponseOutput out = new ResponseOutput(wire);
        byte[] almostFull = new byte[ResponseOutput.BUFFER_BYTES - 2];

        out.write(almostFull, 0, almostFull.length);
        out.writeDecimal(123_456);
        out.flush();

        assertEquals("123456", new String(wire.toByteArray(), almostFull.length, 6, StandardCharsets.US_ASCII));
    }

    @Test
    void refuses_a_negative_number() {
        assertThrows(IllegalArgumentException.class, () -> new ResponseOutput(new ByteArrayOutputStream()).writeDecimal(-1));
    }
}
