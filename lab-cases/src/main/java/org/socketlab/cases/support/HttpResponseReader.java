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

    /**
     * Walks the chunks from {@code start} (RFC 9112 §7.1); returns where the body ends, or -1 if not yet. Like
     * every reader of the toolkit it takes a bare LF for CRLF (RFC 9112 §2.2).
     */
    private static int walkChunks(byte[] data, int start, ByteArrayOutputStream sink) {
        int at = start;
        while (true) {
            int lf = indexOf(data, (byte) '\n', at);
            if (lf < 0) {
                return -1;
            }
            String sizeText = new String(data, at, lineEnd(data, at, lf) - at, StandardCharsets.ISO_8859_1);
            int extension = sizeText.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension < 0 ? sizeText : sizeText.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                return -1;
            }
            at = lf + 1;
            if (size == 0) {
                // The last chunk, then optional trailer fields, then an empty line.
                while (true) {
                    int end = indexOf(data, (byte) '\n', at);
                    if (end < 0) {
                        return -1;
                    }
                    if (lineEnd(data, at, end) == at) {
                        return end + 1;
                    }
                    at = end + 1;
                }
            }
            if (data.length < at + size) {
                return -1;
            }
            int dataEnd = at + (int) size;
            boolean bareLf = data.length > dataEnd && data[dataEnd] == '\n';
            if (!bareLf && data.length < dataEnd + 2) {
                return -1;
            }
            if (sink != null) {
                sink.write(data, at, (int) size);
            }
            at = dataEnd + (bareLf ? 1 : 2);
        }
    }

    /** Where the line that ends with the LF at {@code lf} ends: before its CR, if it has one. */
    private static int lineEnd(byte[] data, int lineStart, int lf) {
        return lf > lineStart && data[lf - 1] == '\r' ? lf - 1 : lf;
    }

    private static int indexOf(byte[] data, byte wanted, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String field(byte[] data, int headEnd, String name) {
        return HttpMessages.field(java.util.Arrays.copyOf(data, headEnd), name);
    }
}
