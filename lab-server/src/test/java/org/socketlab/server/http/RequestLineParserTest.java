package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestLineParserTest {

    static Stream<Arguments> validLines() {
        return Stream.of(
                arguments("GET / HTTP/1.1", "GET", "/", null, "HTTP/1.1"),
                arguments("POST /api/cases?tag=tcp&x HTTP/1.1", "POST", "/api/cases", "tag=tcp&x", "HTTP/1.1"),
                arguments("HEAD /a%20b HTTP/1.0", "HEAD", "/a%20b", null, "HTTP/1.0"),
                arguments("PUT /x/ HTTP/1.1", "PUT", "/x/", null, "HTTP/1.1"),
                arguments("DELETE /x HTTP/1.1", "DELETE", "/x", null, "HTTP/1.1"),
                arguments("PATCH /x? HTTP/1.1", "PATCH", "/x", "", "HTTP/1.1"),
                arguments("OPTIONS * HTTP/1.1", "OPTIONS", "*", null, "HTTP/1.1"),
                arguments("GET http://example.com:8080/x?y=1 HTTP/1.1", "GET", "/x", "y=1", "HTTP/1.1"),
                arguments("GET HTTPS://example.com HTTP/1.1", "GET", "/", null, "HTTP/1.1"),
                // RFC 9110 §6.2: a higher minor version of HTTP/1 is served as HTTP/1.1.
                arguments("GET / HTTP/1.9", "GET", "/", null, "HTTP/1.1"),
                arguments("GET /a|b{c}\\d HTTP/1.1", "GET", "/a|b{c}\\d", null, "HTTP/1.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validLines")
    void parses_a_valid_request_line(String line, String method, String rawPath, String rawQuery, String version) {
        RequestLine parsed = parse(line);

        assertEquals(method, parsed.method());
        assertEquals(line.substring(method.length() + 1, line.lastIndexOf(' ')), parsed.target());
        assertEquals(rawPath, parsed.rawPath());
        assertEquals(rawQuery, parsed.rawQuery());
        assertEquals(version, parsed.version());
    }

    static Stream<Arguments> invalidLines() {
        return Stream.of(
                arguments("", Status.BAD_REQUEST),
                arguments("GET", Status.BAD_REQUEST),
                arguments("GET /", Status.BAD_REQUEST),
                arguments("GET / ", Status.BAD_REQUEST),
                arguments("GET  / HTTP/1.1", Status.BAD_REQUEST),
                arguments(" GET / HTTP/1.1", Status.BAD_REQUEST),
                arguments("GET / HTTP/1.1 ", Status.BAD_REQUEST),
                arguments("GET\t/ HTTP/1.1", Status.BAD_REQUEST),
                arguments("GET / HTTP/1.1\r", Status.BAD_REQUEST),
                arguments("GET / http/1.1", Status.BAD_REQUEST),
                arguments("GET / HTTP/1.1x", Status.BAD_REQUEST),
                arguments("GET / HTTP/11", Status.BAD_REQUEST),
                arguments("GET / HTTP/1.", Status.BAD_REQUEST),
                arguments("GET / HTTP/a.1", Status.BAD_REQUEST),
                arguments("GET / HTP/1.1", Status.BAD_REQUEST),
                arguments("GET /a#fragment HTTP/1.1", Status.BAD_REQUEST),
                arguments("GET /a\u0001b HTTP/1.1", Status.BAD_REQUEST),
                arguments("GET /a\u007Fb HTTP/1.1", Status.BAD_REQUEST),
                arguments("GET /caf\u00e9 HTTP/1.1", Status.BAD_REQUEST),
                arguments("GET * HTTP/1.1", Status.BAD_REQUEST),
                arguments("GET example.com/x HTTP/1.1", Status.BAD_REQUEST),
                arguments("GET ftp://example.com/x HTTP/1.1", Status.BAD_REQUEST),
                arguments("GET http:///x HTTP/1.1", Status.BAD_REQUEST),
                arguments("G(ET / HTTP/1.1", Status.BAD_REQUEST),
                arguments("\u0016\u0003\u0001\u0002\u0000\u0001", Status.BAD_REQUEST),
                arguments("GET / HTTP/2.0", Status.HTTP_VERSION_NOT_SUPPORTED),
                arguments("GET / HTTP/2", Status.HTTP_VERSION_NOT_SUPPORTED),
                arguments("GET / HTTP/3", Status.HTTP_VERSION_NOT_SUPPORTED),
                arguments("GET / HTTP/0.9", Status.HTTP_VERSION_NOT_SUPPORTED),
                arguments("FOO / HTTP/1.1", Status.NOT_IMPLEMENTED),
                // RFC 9110 §9.1: method names are case-sensitive.
                arguments("get / HTTP/1.1", Status.NOT_IMPLEMENTED),
                arguments("CONNECT example.com:443 HTTP/1.1", Status.NOT_IMPLEMENTED),
                arguments("TRACE / HTTP/1.1", Status.NOT_IMPLEMENTED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidLines")
    void refuses_an_invalid_request_line_with_the_right_status(String line, Status expected) {
        HttpException e = assertThrows(HttpException.class, () -> parse(line));

        assertEquals(expected, e.status());
    }

    @Test
    void never_echoes_the_request_line_in_its_message() {
        HttpException e = assertThrows(HttpException.class, () -> parse("GET /<script>alert(1)</script>#x HTTP/1.1"));

        assertEquals(false, e.getMessage().contains("<script>"));
    }

    @Test
    void parses_a_line_in_the_middle_of_a_buffer() {
        byte[] buf = Wire.bytes("xxGET /in-the-middle HTTP/1.1yy");

        RequestLine parsed = RequestLineParser.parse(buf, 2, buf.length - 4);

        assertEquals("/in-the-middle", parsed.rawPath());
    }

    private static RequestLine parse(String line) {
        byte[] bytes = Wire.bytes(line);
        return RequestLineParser.parse(bytes, 0, bytes.length);
    }
}
