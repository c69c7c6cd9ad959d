package org.socketlab.cases.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HttpResponseReader#body}: a chunked body decoded with CRLF or bare LF lines, as the toolkit reads heads. */
class HttpResponseReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void decodes_a_chunked_body_whichever_line_end_the_server_uses(String eol) {
        String response = "HTTP/1.1 200 OK" + eol + "Transfer-Encoding: chunked" + eol + eol
                + "5;name=x" + eol + "hello" + eol + "6" + eol + " world" + eol + "0" + eol + "Trailer: t" + eol + eol;

        byte[] body = HttpResponseReader.body(response.getBytes(StandardCharsets.ISO_8859_1));

        assertEquals("hello world", new String(body, StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void keeps_a_body_framed_by_content_length_as_it_came(String eol) {
        String response = "HTTP/1.1 200 OK" + eol + "Content-Length: 5" + eol + eol + "hello";

        assertEquals("hello", new String(HttpResponseReader.body(response.getBytes(StandardCharsets.ISO_8859_1)),
                StandardCharsets.ISO_8859_1));
    }
}
