package org.socketlab.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a response on a connection: status line, header fields and body, framed per RFC 9112 §6. */
final class ResponseWriter {

    private static final byte[] SERVER = "Server: socketlab\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = "Connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ResponseOutput out;
    private final DateHeader date;
    private long lastBodyBytes;

    ResponseWriter(ResponseOutput out, DateHeader date) {
        this.out = out;
        this.date = date;
    }

    /** Sends the interim 100 response that invites the client to send its body (RFC 9110 §15.2.1). */
    void writeContinue() throws IOException {
        out.write(CONTINUE, 0, CONTINUE.length);
        out.flush();
    }

    /**
     * Writes and flushes a whole response.
     *
     * @param headOnly true for a HEAD request: the header fields of the GET response, no body
     * @param http11   whether the client speaks HTTP/1.1, which can read a chunked body
     * @param close    whether the connection closes after this response
     * @return whether the connection must close, which a close-delimited body forces
     * @throws IOException if the client went away, or a streaming body failed
     */
    boolean write(HttpResponse response, boolean headOnly, boolean http11, boolean close) throws IOException {
        Status status = response.status();
        boolean noContent = status.forbidsContent();
        boolean streaming = response.isStreaming() && !noContent;
        // RFC 9112 §6.3 item 8: without chunked, an HTTP/1.0 client reads the body until close.
        boolean closeDelimited = streaming && !http11 && !headOnly;
        boolean closing = close || closeDelimited;

        out.write(status.statusLine());
        out.write(date.line());
        out.write(SERVER);
        writeHandlerFields(response.headers());
        if (noContent) {
            // RFC 9110 §8.6: no Content-Length with 1xx or 204; for 304 it is optional.
        } else if (!streaming) {
            out.write(CONTENT_LENGTH);
            out.writeDecimal(response.body().length);
            out.writeCrlf();
        } else if (http11 && !headOnly) {
            out.write(CHUNKED);
        }
        if (closing) {
            out.write(CLOSE);
        } else if (!http11) {
            // RFC 9112 §9.3 and Appendix C.2.2: an HTTP/1.0 client keeps the connection only if told so.
            out.write(KEEP_ALIVE);
        }
        out.writeCrlf();

        lastBodyBytes = 0;
        if (!headOnly && !noContent) {
            if (streaming) {
                writeStreamingBody(response.writer(), http11);
            } else {
                out.write(response.body());
                lastBodyBytes = response.body().length;
            }
        }
        out.flush();
        return closing;
    }

    /** The body bytes of the last response written (for the access log), framing excluded. */
    long lastBodyBytes() {
        return lastBodyBytes;
    }

    private void writeStreamingBody(BodyWriter writer, boolean http11) throws IOException {
        // The head goes out first so that the client sees the response start at once.
        out.flush();
        if (http11) {
            ChunkedOutputStream chunked = new ChunkedOutputStream(out);
            try {
                writer.writeTo(chunked);
                // Not in a finally: after a failure the last chunk must not be sent, or the client
                // would take a cut-off body for a complete one.
                chunked.close();
            } finally {
                lastBodyBytes = chunked.payloadBytes();
            }
        } else {
            long before = out.bytesWritten();
            try {
                writer.writeTo(new UnclosableStream(out));
            } finally {
                lastBodyBytes = out.bytesWritten() - before;
            }
        }
    }

    /**
     * Writes the handler's fields, less those the server owns: framing (RFC 9112 §6), Connection
     * (decided by the connection loop), Date and Server (always ours).
     */
    private void writeHandlerFields(Headers headers) throws IOException {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            if (isServerOwned(name)) {
                continue;
            }
            out.writeLatin1(name);
            out.write(':');
            out.write(' ');
            out.writeLatin1(headers.value(i));
            out.writeCrlf();
        }
    }

    private static boolean isServerOwned(String name) {
        return switch (name.length()) {
            case 4 -> name.equalsIgnoreCase("Date");
            case 6 -> name.equalsIgnoreCase("Server");
            case 10 -> name.equalsIgnoreCase("Connection");
            case 14 -> name.equalsIgnoreCase("Content-Length");
            case 17 -> name.equalsIgnoreCase("Transfer-Encoding");
            default -> false;
        };
    }

    /** Lets a BodyWriter close its stream without closing the connection's. */
    private static final class UnclosableStream extends OutputStream {
        private final ResponseOutput out;

        UnclosableStream(ResponseOutput out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
