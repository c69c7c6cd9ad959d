package org.socketlab.cases.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 200 OK\\r\\nA: 1\\r\\n\\r\\nbody | body",
            "HTTP/1.1 200 OK\\nA: 1\\n\\nbody        | body",
            "HTTP/1.1 200 OK\\r\\nA: 1\\r\\n\\r\\n    | ''",
            "HTTP/1.1 200 OK\\r\\nA: 1\\r\\n        | ''",
            "''                                      | ''"})
    void finds_the_body_after_a_crlf_or_a_bare_lf_empty_line(String message, String body) {
        assertEquals(body, new String(HttpMessages.body(bytes(message)), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET / HTTP/1.1\\r\\nUser-Agent: curl/8.5\\r\\n\\r\\n     | user-agent   | curl/8.5",
            "GET / HTTP/1.1\\nuser-agent:   Mozilla/5.0  \\n\\n      | User-Agent   | Mozilla/5.0",
            "HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\nA: b   | Content-Length | 5"})
    void reads_a_head_field_without_regard_to_case(String message, String name, String value) {
        assertEquals(value, HttpMessages.field(bytes(message), name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 200 OK\\r\\n\\r\\nX-Not-A-Header: 1 | X-Not-A-Header",
            "X-First: line is not a field\\r\\n\\r\\n      | X-First"})
    void ignores_the_first_line_and_the_body(String message, String name) {
        assertNull(HttpMessages.field(bytes(message), name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 404 Not Found\\r\\nA: 1 | HTTP/1.1 404 Not Found",
            "HTTP/1.1 200 OK\\nA: 1           | HTTP/1.1 200 OK",
            "''                               | ''"})
    void reads_the_first_line_without_its_line_break(String message, String line) {
        assertEquals(line, HttpMessages.firstLine(bytes(message)));
    }

    private static byte[] bytes(String escaped) {
        return escaped.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\r\n", "\n"})
    void every_reader_agrees_on_crlf_and_bare_lf(String eol) {
        byte[] message = bytes("POST /form?x=1 HTTP/1.1" + eol + "Host: a" + eol + "content-length: 5" + eol + eol + "hello");

        assertEquals("/form", HttpMessages.requestPath(message));
        assertEquals(5, HttpMessages.contentLength(message));
        assertEquals(5, HttpRequestReader.contentLength(message, HttpMessages.headEnd(message)));
        assertEquals("a", HttpMessages.field(message, "HOST"));
        assertEquals("5", HttpResponseParts.parse(message).header("Content-Length").orElseThrow());
        assertEquals("hello", new String(HttpMessages.body(message), StandardCharsets.UTF_8));
    }
}
