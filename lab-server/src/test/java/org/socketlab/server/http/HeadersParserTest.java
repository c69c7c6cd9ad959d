package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeadersParserTest {

    private static final int MAX_BYTES = 256;

    static Stream<Arguments> validSections() {
        return Stream.of(
                arguments("Host: a\r\n\r\n", "Host", List.of("a")),
                arguments("Host:a\r\n\r\n", "host", List.of("a")),
                arguments("Host: \t a b \t \r\n\r\n", "HOST", List.of("a b")),
                arguments("X-Empty:\r\n\r\n", "x-empty", List.of("")),
                arguments("A: 1\r\nB: 2\r\na: 3\r\n\r\n", "A", List.of("1", "3")),
                arguments("Accept: text/html, */*;q=0.8\r\n\r\n", "Accept", List.of("text/html, */*;q=0.8")),
                // RFC 9112 §2.2: a recipient MAY accept a bare LF as line terminator.
                arguments("Host: a\nX: b\n\n", "X", List.of("b")),
                // RFC 9110 §5.5: obs-text is kept byte for byte.
                arguments("X-Name: caf\u00e9\r\n\r\n", "X-Name", List.of("caf\u00e9")),
                arguments("\r\n", "Host", List.of()));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("validSections")
    void parses_a_valid_header_section(String section, String name, List<String> values) throws IOException {
        Headers headers = parse(section, MAX_BYTES);

        assertEquals(values, headers.all(name));
    }

    static Stream<Arguments> invalidSections() {
        return Stream.of(
                arguments(" Host: a\r\n\r\n", Status.BAD_REQUEST, "whitespace before the first field"),
                arguments("Host: a\r\n folded\r\n\r\n", Status.BAD_REQUEST, "obs-fold"),
                arguments("Host: a\r\n\tfolded\r\n\r\n", Status.BAD_REQUEST, "obs-fold with a tab"),
                arguments("Host : a\r\n\r\n", Status.BAD_REQUEST, "space before colon"),
                arguments("Host\t: a\r\n\r\n", Status.BAD_REQUEST, "tab before colon"),
                arguments("Host a\r\n\r\n", Status.BAD_REQUEST, "no colon"),
                arguments(": a\r\n\r\n", Status.BAD_REQUEST, "empty name"),
                arguments("Ho(st: a\r\n\r\n", Status.BAD_REQUEST, "separator in the name"),
                arguments("Host: a\u0000b\r\n\r\n", Status.BAD_REQUEST, "NUL in the value"),
                arguments("Host: a\rb\r\n\r\n", Status.BAD_REQUEST, "bare CR in the value"),
                arguments("Host: a\u0001\r\n\r\n", Status.BAD_REQUEST, "control in the value"),
                arguments("Host: a\u007F\r\n\r\n", Status.BAD_REQUEST, "DEL in the value"),
                arguments("X: " + "v".repeat(MAX_BYTES) + "\r\n\r\n", Status.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "one field past the limit"),
                arguments("X: 1234567890\r\n".repeat(MAX_BYTES / 10) + "\r\n", Status.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "many fields past the limit"));
    }

    @ParameterizedTest(name = "{2} -> {1}")
    @MethodSource("invalidSections")
    void refuses_an_invalid_header_section(String section, Status expected, String description) {
        HttpException e = assertThrows(HttpException.class, () -> parse(section, MAX_BYTES));

        assertEquals(expected, e.status());
    }

    @Test
    void accepts_a_section_of_exactly_the_limit() throws IOException {
        String section = "X: " + "v".repeat(MAX_BYTES - 7) + "\r\n\r\n";

        assertEquals(MAX_BYTES, section.length());
        assertEquals(MAX_BYTES - 7, parse(section, MAX_BYTES).get("X").length());
    }

    @Test
    void refuses_a_section_one_byte_over_the_limit() {
        String section = "X: " + "v".repeat(MAX_BYTES - 6) + "\r\n\r\n";

        HttpException e = assertThrows(HttpException.class, () -> parse(section, MAX_BYTES));

        assertEquals(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, e.status());
    }

    @Test
    void reports_a_section_cut_off_by_the_end_of_the_stream() {
        assertThrows(EOFException.class, () -> parse("Host: a\r\nX-Half", MAX_BYTES));
    }

    @Test
    void keeps_repeated_fields_in_order_and_finds_names_in_any_case() throws IOException {
        Headers headers = parse("Set-Thing: 1\r\nOther: x\r\nset-thing: 2\r\n\r\n", MAX_BYTES);

        assertEquals(3, headers.size());
        assertEquals(Optional.of("1"), headers.first("SET-THING"));
        assertEquals(List.of("1", "2"), headers.all("set-Thing"));
        assertTrue(headers.contains("other"));
        assertFalse(headers.contains("missing"));
        assertEquals("set-thing", headers.name(2));
    }

    @Test
    void leaves_the_bytes_after_the_section_unread() throws IOException {
        RequestInput input = Wire.input("Host: a\r\n\r\nbody");

        HeadersParser.parse(input, MAX_BYTES, Status.REQUEST_HEADER_FIELDS_TOO_LARGE);

        byte[] rest = new byte[4];
        input.readFully(rest, 0, 4);
        assertEquals("body", new String(rest, StandardCharsets.US_ASCII));
    }

    private static Headers parse(String section, int maxBytes) throws IOException {
        return HeadersParser.parse(Wire.input(section), maxBytes, Status.REQUEST_HEADER_FIELDS_TOO_LARGE);
    }
}
