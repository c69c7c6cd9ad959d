package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final ResponseWriter writer = new ResponseWriter(new ResponseOutput(wire), new DateHeader());

    @Test
    void writes_status_line_fields_and_body_in_order() throws IOException {
        writer.write(HttpResponse.text(Status.OK, "hi").withHeader("X-Test", "1"), false, true, false);

        String text = written();
        assertTrue(text.startsWith("HTTP/1.1 200 OK\r\nDate: "), text);
        assertTrue(text.contains("\r\nServer: socketlab\r\nContent-Type: text/plain; charset=utf-8\r\nX-Test: 1\r\n"
                + "Content-Length: 2\r\n\r\nhi"), text);
        assertFalse(text.contains("Connection"), text);
    }

    @Test
    void keeps_content_length_but_drops_the_body_for_head() throws IOException {
        writer.write(HttpResponse.text(Status.OK, "hello"), true, true, false);

        assertTrue(written().endsWith("Content-Length: 5\r\n\r\n"), written());
    }

    @Test
    void sends_neither_length_nor_body_with_204_and_304() throws IOException {
        writer.write(HttpResponse.of(Status.NO_CONTENT, null, new byte[] {1, 2}), false, true, false);
        writer.write(HttpResponse.empty(Status.NOT_MODIFIED), false, true, false);

        assertFalse(written().contains("Content-Length"), written());
        assertTrue(written().endsWith("Server: socketlab\r\n\r\n"), written());
    }

    @Test
    void replaces_framing_and_connection_fields_set_by_a_handler() throws IOException {
        HttpResponse response = HttpResponse.text(Status.OK, "abc")
                .withHeader("Content-Length", "999")
                .withHeader("Transfer-Encoding", "gzip")
                .withHeader("Connection", "close")
                .withHeader("Date", "yesterday");

        boolean closing = writer.write(response, false, true, true);

        String text = written();
        assertTrue(closing);
        assertTrue(text.contains("Content-Length: 3\r\n"), text);
        assertFalse(text.contains("999") || text.contains("gzip") || text.contains("yesterday"), text);
        assertEquals(1, text.split("Connection: close", -1).length - 1, text);
    }

    @Test
    void tells_an_http_1_0_client_that_the_connection_stays_open() throws IOException {
        writer.write(HttpResponse.text(Status.OK, "x"), false, false, false);

        assertTrue(written().contains("Connection: keep-alive\r\n"), written());
    }

    @Test
    void chunks_a_streaming_body_at_each_flush_and_ends_it() throws IOException {
        writer.write(HttpResponse.streaming(Status.OK, "text/event-stream", out -> {
            out.write("data: 1\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.flush();
            out.write('x');
        }), false, true, false);

        assertTrue(written().endsWith("Transfer-Encoding: chunked\r\n\r\n9\r\ndata: 1\n\n\r\n1\r\nx\r\n0\r\n\r\n"),
                written());
    }

    @Test
    void splits_a_large_streaming_write_into_full_chunks() throws IOException {
        byte[] big = new byte[ChunkedOutputStream.CHUNK_BYTES + 10];

        writer.write(HttpResponse.streaming(Status.OK, null, out -> out.write(big)), false, true, false);

        String text = written();
        assertTrue(text.contains("\r\n\r\n2000\r\n"), "a first chunk of 8192 bytes");
        assertTrue(text.endsWith("\r\na\r\n" + "\0".repeat(10) + "\r\n0\r\n\r\n"), "then one of 10");
    }

    private String written() {
        return wire.toString(StandardCharsets.ISO_8859_1);
    }
}
