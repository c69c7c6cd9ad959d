package org.socketlab.cases.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.socketlab.api.TcpConnection;

/**
 * Reads one whole HTTP/1.1 request the way a server built on {@code recv} must: repeated
 * {@code recv(bufferSize)} calls, each recorded, until the head's blank line has come and then as many body
 * bytes as its {@code Content-Length} says. One recv is not enough: TCP may deliver the request in any
 * number of pieces, and a large body never fits one buffer.
 */
public final class HttpRequestReader {
    private HttpRequestReader() {
    }

    /**
     * Reads until the request is complete, the client closes its side, or {@code maxBytes} have come.
     * Chunked bodies ({@code Transfer-Encoding: chunked}) are not decoded: only the head is awaited for them.
     *
     * @param connection the server's side of the connection
     * @param bufferSize how many bytes each recv asks for, at least 1
     * @param maxBytes stop after this many bytes, however incomplete the request
     * @return the bytes exactly as received (head and body), possibly incomplete if the client closed early
     * @throws IOException if a recv failed or timed out (already recorded in the transcript)
     */
    public static byte[] read(TcpConnection connection, int bufferSize, int maxBytes) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        long complete = -1;
        while ((complete < 0 || all.size() < complete) && all.size() < maxBytes) {
            byte[] data = connection.recv(bufferSize);
            if (data.length == 0) {
                break;
            }
            all.writeBytes(data);
            if (complete < 0) {
                byte[] soFar = all.toByteArray();
                int headEnd = HttpMessages.headEnd(soFar);
                if (headEnd >= 0) {
                    complete = headEnd + contentLength(soFar, headEnd);
                }
            }
        }
        return all.toByteArray();
    }

    /**
     * The {@code Content-Length} of a request head. RFC 9112 §6.3: a request with neither Content-Length
     * nor Transfer-Encoding has no body, so a missing field means 0; so does a malformed one, which a
     * real server would answer with 400.
     *
     * @param request the request's bytes, at least its head
     * @param headEnd where the head ends, as {@link HttpMessages#headEnd} gives it
     * @return the body's length in bytes, 0 when there is none or it cannot be read
     */
    public static long contentLength(byte[] request, int headEnd) {
        return Math.max(0, HttpMessages.contentLength(java.util.Arrays.copyOf(request, headEnd)));
    }
}
