package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A test client on a plain socket: sends exactly the bytes given and reads responses by hand. */
final class RawClient implements AutoCloseable {

    static final int READ_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(InetSocketAddress address) throws IOException {
        this(address, null);
    }

    /** A client whose socket is bound to {@code local} first (e.g. 127.0.0.2, another loopback address). */
    RawClient(InetSocketAddress address, InetSocketAddress local) throws IOException {
        socket = new Socket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(address, READ_TIMEOUT_MILLIS);
        // Every read in a test ends within this time, whatever the server does.
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** A parsed response; chunked bodies are decoded. */
    record Response(int status, Headers headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.first(name).orElse(null);
        }
    }

    RawClient send(String latin1) throws IOException {
        out.write(latin1.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Writes raw bytes. */
    RawClient write(byte[] bytes) throws IOException {
        out.write(bytes);
        return this;
    }

    /** Bytes the server has sent that are not read yet. */
    int available() throws IOException {
        return in.available();
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** Reads one response to a request that was not HEAD. */
    Response read() throws IOException {
        return read(false);
    }

    /** Reads one response; for HEAD no body follows the head whatever it declares. */
    Response read(boolean head) throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            fail("not a status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Headers headers = headers();
        if (head || status / 100 == 1 || status == 204 || status == 304) {
            return new Response(status, headers, new byte[0]);
        }
        if (headers.containsToken("Transfer-Encoding", "chunked")) {
            return new Response(status, headers, readChunked());
        }
        String length = headers.first("Content-Length").orElse(null);
        if (length != null) {
            return new Response(status, headers, in.readNBytes(Integer.parseInt(length)));
        }
        return new Response(status, headers, in.readAllBytes());
    }

    /** Reads a status line and header section only, e.g. to then read a streamed body piece by piece. */
    Response readHead() throws IOException {
        return read(true);
    }

    /** Reads one chunk of a chunked body: its data, or "" for the last chunk (trailer included). */
    String readChunk() throws IOException {
        int size = Integer.parseInt(line(), 16);
        if (size == 0) {
            assertEquals("", line());
            return "";
        }
        String data = new String(in.readNBytes(size), StandardCharsets.UTF_8);
        assertEquals("", line());
        return data;
    }

    /** Reads exactly this many bytes as text. */
    String readBytes(int count) throws IOException {
        return new String(in.readNBytes(count), StandardCharsets.ISO_8859_1);
    }

    /** Fails unless the server closes the connection (end of stream or reset) with nothing more sent. */
    void assertClosedByServer() throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                fail("expected the server to close, but it sent more: " + (char) b + readAvailable());
            }
        } catch (SocketTimeoutException e) {
            fail("the server did not close the connection within " + READ_TIMEOUT_MILLIS + " ms");
        } catch (IOException e) {
            // A reset is a close too.
        }
    }

    private String readAvailable() throws IOException {
        return new String(in.readNBytes(Math.min(200, in.available())), StandardCharsets.ISO_8859_1);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line(), 16);
            if (size == 0) {
                headers();
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            assertEquals("", line());
        }
    }

    private Headers headers() throws IOException {
        List<String> fields = new ArrayList<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            fields.add(line.substring(0, colon));
            fields.add(line.substring(colon + 1).strip());
        }
        return Headers.of(fields.toArray(String[]::new));
    }

    /** One CRLF-terminated line; fails on a bare LF, which this server never sends. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside a line: " + line);
            }
            if (b == '\n') {
                if (line.length() == 0 || line.charAt(line.length() - 1) != '\r') {
                    fail("a line not ended by CRLF: " + line);
                }
                return line.substring(0, line.length() - 1);
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
