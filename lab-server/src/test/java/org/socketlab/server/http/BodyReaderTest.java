package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BodyReaderTest {

    private static final long MAX_BODY_BYTES = 64;
    private static final int MAX_TRAILER_BYTES = 128;

    static Stream<Arguments> validFraming() {
        return Stream.of(
                arguments(Headers.empty(), 0L),
                arguments(Headers.of("Content-Length", "5"), 5L),
                arguments(Headers.of("Content-Length", "0"), 0L),
                arguments(Headers.of("Content-Length", "005"), 5L),
                arguments(Headers.of("Content-Length", " 64 "), 64L),
                // RFC 9112 §6.3 item 5: identical repeated values are one value.
                arguments(Headers.of("Content-Length", "5, 5"), 5L),
                arguments(Headers.of("Content-Length", "5", "content-length", "5"), 5L),
                arguments(Headers.of("Transfer-Encoding", "chunked"), BodyFraming.CHUNKED),
                arguments(Headers.of("Transfer-Encoding", "Chunked "), BodyFraming.CHUNKED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("validFraming")
    void reads_the_declared_body_length(Headers headers, long expected) {
        assertEquals(expected, BodyFraming.declaredLength(headers, true, MAX_BODY_BYTES));
    }

    static Stream<Arguments> invalidFraming() {
        return Stream.of(
                arguments(Headers.of("Content-Length", "5, 6"), true, Status.BAD_REQUEST),
                arguments(Headers.of("Content-Length", "5", "Content-Length", "6"), true, Status.BAD_REQUEST),
                arguments(Headers.of("Content-Length", "-1"), true, Status.BAD_REQUEST),
                arguments(Headers.of("Content-Length", "+5"), true, Status.BAD_REQUEST),
                arguments(Headers.of("Content-Length", "5a"), true, Status.BAD_REQUEST),
                arguments(Headers.of("Content-Length", "0x10"), true, Status.BAD_REQUEST),
                arguments(Headers.of("Content-Length", "1 2"), true, Status.BAD_REQUEST),
                arguments(Headers.of("Content-Length", ""), true, Status.BAD_REQUEST),
                arguments(Headers.of("Content-Length", "5,"), true, Status.BAD_REQUEST),
                arguments(Headers.of("Content-Length", "65"), true, Status.PAYLOAD_TOO_LARGE),
                arguments(Headers.of("Content-Length", "99999999999999999999999999"), true, Status.PAYLOAD_TOO_LARGE),
                // RFC 9112 §6.3 item 3: both framings at once is a smuggling attempt.
                arguments(Headers.of("Transfer-Encoding", "chunked", "Content-Length", "5"), true, Status.BAD_REQUEST),
                arguments(Headers.of("Transfer-Encoding", "chunked, chunked"), true, Status.BAD_REQUEST),
                arguments(Headers.of("Transfer-Encoding", "chunked", "Transfer-Encoding", "chunked"), true,
                        Status.BAD_REQUEST),
                arguments(Headers.of("Transfer-Encoding", ""), true, Status.BAD_REQUEST),
                arguments(Headers.of("Transfer-Encoding", "chunked"), false, Status.BAD_REQUEST),
                arguments(Headers.of("Transfer-Encoding", "gzip"), true, Status.NOT_IMPLEMENTED),
                arguments(Headers.of("Transfer-Encoding", "gzip, chunked"), true, Status.NOT_IMPLEMENTED),
                arguments(Headers.of("Transfer-Encoding", "chunked, identity"), true, Status.NOT_IMPLEMENTED));
    }

    @ParameterizedTest(name = "{0}, HTTP/1.1: {1} -> {2}")
    @MethodSource("invalidFraming")
    void refuses_invalid_framing(Headers headers, boolean http11, Status expected) {
        HttpException e = assertThrows(HttpException.class,
                () -> BodyFraming.declaredLength(headers, http11, MAX_BODY_BYTES));

        assertEquals(expected, e.status());
    }

    static Stream<Arguments> validChunkedBodies() {
        return Stream.of(
                arguments("0\r\n\r\n", ""),
                arguments("5\r\nhello\r\n0\r\n\r\n", "hello"),
                arguments("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world"),
                arguments("A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n", "0123456789abcdefghij"),
                arguments("005\r\nhello\r\n0000\r\n\r\n", "hello"),
                arguments("40\r\n" + "x".repeat(64) + "\r\n0\r\n\r\n", "x".repeat(64)),
                arguments("5;name=value\r\nhello\r\n0;last\r\n\r\n", "hello"),
                arguments("5;a=\"b c\\\"d\";e\r\nhello\r\n0\r\n\r\n", "hello"),
                arguments("5 ; a = b\r\nhello\r\n0\r\n\r\n", "hello"),
                arguments("5\r\nhe\r\nl\r\n0\r\n\r\n", "he\r\nl"),
                arguments("5\r\nhello\r\n0\r\nX-Checksum: 1\r\nX-Other: 2\r\n\r\n", "hello"));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("validChunkedBodies")
    void decodes_a_chunked_body(String wire, String expected) throws IOException {
        byte[] body = BodyReader.read(Wire.input(wire), BodyFraming.CHUNKED, MAX_BODY_BYTES, MAX_TRAILER_BYTES);

        assertEquals(expected, new String(body, StandardCharsets.ISO_8859_1));
    }

    static Stream<Arguments> invalidChunkedBodies() {
        return Stream.of(
                arguments("x\r\nhello\r\n0\r\n\r\n", Status.BAD_REQUEST, "size not hex"),
                arguments("\r\nhello\r\n0\r\n\r\n", Status.BAD_REQUEST, "empty size"),
                arguments("-5\r\nhello\r\n0\r\n\r\n", Status.BAD_REQUEST, "negative size"),
                arguments("0x5\r\nhello\r\n0\r\n\r\n", Status.BAD_REQUEST, "0x prefix"),
                arguments("5 x\r\nhello\r\n0\r\n\r\n", Status.BAD_REQUEST, "junk after the size"),
                arguments("5\nhello\r\n0\r\n\r\n", Status.BAD_REQUEST, "bare LF after the size"),
                arguments("5\r\nhelloX\r\n0\r\n\r\n", Status.BAD_REQUEST, "data longer than the size"),
                arguments("5\r\nhello\n0\r\n\r\n", Status.BAD_REQUEST, "bare LF after the data"),
                arguments("5;\r\nhello\r\n0\r\n\r\n", Status.BAD_REQUEST, "extension without a name"),
                arguments("5;a=\r\nhello\r\n0\r\n\r\n", Status.BAD_REQUEST, "extension with an empty value"),
                arguments("5;a=\"open\r\nhello\r\n0\r\n\r\n", Status.BAD_REQUEST, "unterminated quoted value"),
                arguments("5;a\u0001\r\nhello\r\n0\r\n\r\n", Status.BAD_REQUEST, "control in an extension"),
                arguments("5;" + "a".repeat(BodyReader.MAX_CHUNK_LINE_BYTES) + "\r\nhello\r\n0\r\n\r\n",
                        Status.BAD_REQUEST, "chunk-size line too long"),
                arguments("0\r\nBad Trailer\r\n\r\n", Status.BAD_REQUEST, "malformed trailer"),
                arguments("0\r\nX: " + "t".repeat(MAX_TRAILER_BYTES) + "\r\n\r\n",
                        Status.REQUEST_HEADER_FIELDS_TOO_LARGE, "trailer section too large"),
                arguments("41\r\n" + "x".repeat(65) + "\r\n0\r\n\r\n", Status.PAYLOAD_TOO_LARGE, "one chunk too large"),
                arguments("20\r\n" + "x".repeat(32) + "\r\n21\r\n", Status.PAYLOAD_TOO_LARGE, "chunks add up past the limit"),
                arguments("ffffffffffffffffffffffff\r\n", Status.PAYLOAD_TOO_LARGE, "size beyond a long"));
    }

    @ParameterizedTest(name = "{2} -> {1}")
    @MethodSource("invalidChunkedBodies")
    void refuses_an_invalid_chunked_body(String wire, Status expected, String description) {
        HttpException e = assertThrows(HttpException.class,
                () -> BodyReader.read(Wire.input(wire), BodyFraming.CHUNKED, MAX_BODY_BYTES, MAX_TRAILER_BYTES));

        assertEquals(expected, e.status());
    }

    @ParameterizedTest(name = "{index}: [{0}]")
    @MethodSource("truncatedChunkedBodies")
    void reports_a_chunked_body_cut_off_by_the_end_of_the_stream(String wire) {
        assertThrows(EOFException.class,
                () -> BodyReader.read(Wire.input(wire), BodyFraming.CHUNKED, MAX_BODY_BYTES, MAX_TRAILER_BYTES));
    }

    static Stream<String> truncatedChunkedBodies() {
        return Stream.of("", "5\r\nhel", "5\r\nhello\r\n", "5\r\nhello\r\n0\r\n", "5\r\nhello\r\n0\r\nX: 1\r\n");
    }

    @Test
    void reads_exactly_content_length_bytes_and_leaves_the_next_request() throws IOException {
        RequestInput input = Wire.input("helloGET / HTTP/1.1\r\n");

        byte[] body = BodyReader.read(input, 5, MAX_BODY_BYTES, MAX_TRAILER_BYTES);

        assertArrayEquals(Wire.bytes("hello"), body);
        int length = input.readLine(100, Status.URI_TOO_LONG, "the request line");
        assertEquals("GET / HTTP/1.1", new String(input.buffer(), input.lineStart(), length, StandardCharsets.US_ASCII));
    }

    @Test
    void leaves_the_next_request_after_a_chunked_body() throws IOException {
        RequestInput input = Wire.input("3\r\nabc\r\n0\r\n\r\nNEXT");

        BodyReader.read(input, BodyFraming.CHUNKED, MAX_BODY_BYTES, MAX_TRAILER_BYTES);

        assertEquals('N', input.read());
    }

    @Test
    void reports_a_content_length_body_cut_off_by_the_end_of_the_stream() {
        assertThrows(EOFException.class,
                () -> BodyReader.read(Wire.input("hel"), 5, MAX_BODY_BYTES, MAX_TRAILER_BYTES));
    }

    @Test
    void reads_a_body_larger_than_the_input_buffer() throws IOException {
        int size = RequestInput.INITIAL_BUFFER_BYTES * 3 + 17;
        String wire = "y".repeat(size);

        byte[] body = BodyReader.read(Wire.input(wire), size, size, MAX_TRAILER_BYTES);

        assertEquals(size, body.length);
    }

    @Test
    void refuses_a_declared_length_above_the_limit_without_reading() {
        HttpException e = assertThrows(HttpException.class,
                () -> BodyReader.read(Wire.input(""), MAX_BODY_BYTES + 1, MAX_BODY_BYTES, MAX_TRAILER_BYTES));

        assertEquals(Status.PAYLOAD_TOO_LARGE, e.status());
    }
}
