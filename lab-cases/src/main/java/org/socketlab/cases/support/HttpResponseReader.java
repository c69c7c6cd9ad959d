package org.socketlab.cases.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.socketlab.api.TcpConnection;

/**
 * Reads one HTTP/1.1 response the way a real client (curl, a browser) does, with repeated recorded
 * {@code recv} calls: up to its {@code Content-Length}, to the last chunk of a chunked body, or until the
 * server closes when neither says where the body ends (RFC 9112 §6.3). A client that only reads until
 * close would wait on a server that keeps the connection alive.
 */
public final class HttpResponseReader {
    private HttpResponseReader() {
    }

    /**
     * Reads until the response is complete, the server closes, or {@code maxBytes} have come.
     *
     * @param connection the client's side of the connection
     * @param bufferSize how many bytes each recv asks for, at least 1
     * @param maxBytes stop after this many bytes
     * @return the bytes exactly as received; empty when the server closed without a word
     * @throws IOException if a recv failed or timed out (already recorded in the transcript)
     */
    public static byte[] read(TcpConnection connection, int bufferSize, int maxBytes) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (all.size() < maxBytes) {
            byte[] data = connection.recv(bufferSize);
            if (data.length == 0) {
                break;
            }
            all.writeBytes(data);
            if (isComplete(all.toByteArray())) {
                break;
            }
        }
        return all.toByteArray();
    }

    /**
     * The body of a response as the client shows it: after the head, with a chunked body decoded.
     *
     * @param response a response's bytes (a bare body with no head is returned as it is)
     * @return the body's bytes
     */
    public static byte[] body(byte[] response) {
        int headEnd = HttpMessages.headEnd(response);
        if (headEnd < 0 || HttpMessages.statusCode(response) < 0) {
            return response.clone();
        }
        if (!isChunked(response, headEnd)) {
            return java.util.Arrays.copyOfRange(response, headEnd, response.length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        walkChunks(response, headEnd, body);
        return body.toByteArray();
    }

    private static boolean isComplete(byte[] data) {
        int headEnd = HttpMessages.headEnd(data);
        if (headEnd < 0) {
            return false;
        }
        int status = HttpMessages.statusCode(data);
        // RFC 9112 §6.3 rule 1: these statuses never carry a body.
        if (status / 100 == 1 || status == 204 || status == 304) {
            return true;
        }
        if (isChunked(data, headEnd)) {
            return walkChunks(data, headEnd, null) >= 0;
        }
        String length = field(data, headEnd, "content-length");
        if (length == null) {
            return false;
        }
        try {
            return data.length - headEnd >= Long.parseLong(length);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isChunked(byte[] data, int headEnd) {
        String coding = field(data, headEnd, "transfer-encoding");
        return coding != null && coding.toLowerCase(Locale.ROOT).endsWith("chunked");
    }

    /** Walks the chunks from {@code start} (RFC 9112 §7.1); returns where the body ends, or -1 if not yet. */
    private static int walkChunks(byte[] data, int start, ByteArrayOutputStream sink) {
        int at = start;
        while (true) {
            int lineEnd = indexOfCrlf(data, at);
            if (lineEnd < 0) {
                return -1;
            }
            String sizeText = new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int extension = sizeText.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension < 0 ? sizeText : sizeText.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                return -1;
            }
            at = lineEnd + 2;
            if (size == 0) {
                // The last chunk, then optional trailer fields, then an empty line.
                while (true) {
                    int end = indexOfCrlf(data, at);
                    if (end < 0) {
                        return -1;
                    }
                    if (end == at) {
                        return end + 2;
                    }
                    at = end + 2;
                }
            }
            if (data.length < at + size + 2) {
                return -1;
            }
            if (sink != null) {
                sink.write(data, at, (int) size);
            }
            at += (int) size + 2;
        }
    }

    private static int indexOfCrlf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String field(byte[] data, int headEnd, String name) {
        return HttpMessages.field(java.util.Arrays.copyOf(data, headEnd), name);
    }
}
