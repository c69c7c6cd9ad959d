package org.socketlab.cases.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpResponsePartsTest {

    private static HttpResponseParts parse(String text) {
        return HttpResponseParts.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void splits_status_line_headers_and_body() {
        HttpResponseParts parts = parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\nX-A: 2\r\n\r\nhello");

        assertEquals("HTTP/1.1 200 OK", parts.statusLine());
        assertEquals(200, parts.statusCode());
        assertEquals(List.of("Content-Length: 5", "X-A: 1", "X-A: 2"), parts.headerLines());
        assertEquals("hello", parts.bodyText());
        assertTrue(parts.bodyComplete());
    }

    @Test
    void finds_header_names_in_any_case() {
        assertEquals(Optional.of("text/html"), parse("HTTP/1.1 200 OK\r\ncontent-TYPE:  text/html \r\n\r\n").header("Content-Type"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\nhel | false",
            "HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n | false",
            "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nhello\\r\\n | false",
            "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nhello\\r\\n0\\r\\n\\r\\n | true",
            "HTTP/1.1 200 OK\\r\\n\\r\\nuntil close | true",
            "'' | false"})
    void tells_whether_the_body_is_complete(String response, boolean complete) {
        assertEquals(complete, parse(response.replace("\\r\\n", "\r\n")).bodyComplete());
    }

    @Test
    void nothing_received_has_an_empty_status_line_and_no_code() {
        HttpResponseParts parts = HttpResponseParts.parse(new byte[0]);

        assertEquals("", parts.statusLine());
        assertEquals(-1, parts.statusCode());
        assertFalse(parts.headEnded());
    }

    @Test
    void the_skeletons_head_without_headers_parses() {
        HttpResponseParts parts = parse("HTTP/1.1 404 Not Found\r\n\r\n<html>404</html>\r\n");

        assertEquals(404, parts.statusCode());
        assertTrue(parts.headerLines().isEmpty());
        assertEquals("<html>404</html>\r\n", parts.bodyText());
    }
}
