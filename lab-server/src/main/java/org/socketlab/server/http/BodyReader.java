package org.socketlab.server.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/** Reads a request body framed by Content-Length or by the chunked transfer coding (RFC 9112 §6, §7.1). */
final class BodyReader {

    static final byte[] NO_BODY = new byte[0];
    /** The longest chunk-size line, extensions included, before the request is refused. */
    static final int MAX_CHUNK_LINE_BYTES = 4096;
    /** A body's buffer starts this small and doubles as its bytes arrive. */
    static final int INITIAL_BODY_BYTES = 16 * 1024;
    private static final int DISCARD_BUFFER_BYTES = 8 * 1024;

    private BodyReader() {
    }

    /**
     * Reads the whole body.
     *
     * @param declaredLength a byte count or {@link BodyFraming#CHUNKED}, from {@link BodyFraming}
     * @throws HttpException 400 for malformed chunked framing, 413 past maxBodyBytes, 431 for a
     *                       trailer section above maxTrailerBytes
     * @throws EOFException  if the stream ends before the body does
     */
    static byte[] read(RequestInput in, long declaredLength, long maxBodyBytes, int maxTrailerBytes)
            throws IOException {
        if (declaredLength == BodyFraming.CHUNKED) {
            return readChunked(in, maxBodyBytes, maxTrailerBytes);
        }
        if (declaredLength > maxBodyBytes) {
            throw BodyFraming.tooLarge(maxBodyBytes);
        }
        if (declaredLength == 0) {
            return NO_BODY;
        }
        // Grown as the bytes arrive: a declared length is only a claim, and costs nothing until it is sent.
        byte[] body = new byte[(int) Math.min(declaredLength, INITIAL_BODY_BYTES)];
        int size = 0;
        while (size < declaredLength) {
            if (size == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(declaredLength, 2L * body.length));
            }
            in.readFully(body, size, body.length - size);
            size = body.length;
        }
        return body;
    }

    /**
     * Reads the body and drops it, through a small buffer: for a request whose handler takes no body.
     *
     * @throws HttpException as {@link #read}
     */
    static void discard(RequestInput in, long declaredLength, long maxBodyBytes, int maxTrailerBytes)
            throws IOException {
        if (declaredLength > maxBodyBytes) {
            throw BodyFraming.tooLarge(maxBodyBytes);
        }
        byte[] sink = new byte[DISCARD_BUFFER_BYTES];
        if (declaredLength != BodyFraming.CHUNKED) {
            skip(in, declaredLength, sink);
            return;
        }
        long size = 0;
        while (true) {
            long chunkSize = readChunkSize(in, maxBodyBytes);
            if (chunkSize == 0) {
                HeadersParser.parse(in, maxTrailerBytes, Status.REQUEST_HEADER_FIELDS_TOO_LARGE);
                return;
            }
            if (chunkSize > maxBodyBytes - size) {
                throw BodyFraming.tooLarge(maxBodyBytes);
            }
            skip(in, chunkSize, sink);
            size += chunkSize;
            if (in.read() != '\r' || in.read() != '\n') {
                throw bad("a chunk is not followed by CRLF");
            }
        }
    }

    private static void skip(RequestInput in, long count, byte[] sink) throws IOException {
        for (long left = count; left > 0; left -= sink.length) {
            in.readFully(sink, 0, (int) Math.min(sink.length, left));
        }
    }

    private static byte[] readChunked(RequestInput in, long maxBodyBytes, int maxTrailerBytes) throws IOException {
        byte[] body = NO_BODY;
        int size = 0;
        while (true) {
            long chunkSize = readChunkSize(in, maxBodyBytes);
            if (chunkSize == 0) {
                // RFC 9112 §7.1.2: trailer fields may be discarded; HttpRequest has no place for them.
                HeadersParser.parse(in, maxTrailerBytes, Status.REQUEST_HEADER_FIELDS_TOO_LARGE);
                return size == body.length ? body : Arrays.copyOf(body, size);
            }
            if (chunkSize > maxBodyBytes - size) {
                throw BodyFraming.tooLarge(maxBodyBytes);
            }
            int needed = size + (int) chunkSize;
            // Grown as the chunk's bytes arrive, not by its declared size at once.
            while (size < needed) {
                if (size == body.length) {
                    body = Arrays.copyOf(body, (int) Math.min(needed,
                            Math.max(INITIAL_BODY_BYTES, Math.min(maxBodyBytes, 2L * body.length))));
                }
                int piece = Math.min(needed, body.length) - size;
                in.readFully(body, size, piece);
                size += piece;
            }
            // RFC 9112 §7.1: chunk-data is followed by exactly CRLF.
            if (in.read() != '\r' || in.read() != '\n') {
                throw bad("a chunk is not followed by CRLF");
            }
        }
    }

    /** Parses "chunk-size [ chunk-ext ] CRLF" (RFC 9112 §7.1, §7.1.1) and returns the size. */
    private static long readChunkSize(RequestInput in, long maxBodyBytes) throws IOException {
        int length = in.readLine(MAX_CHUNK_LINE_BYTES, Status.BAD_REQUEST, "a chunk-size line");
        if (length < 0) {
            throw new EOFException("stream ended before the last chunk");
        }
        // Strict CRLF here: lenient chunk framing is a known way to desynchronise a proxy and a
        // server (request smuggling), and no real client sends bare LF inside a body.
        if (!in.lineEndedWithCrlf()) {
            throw bad("a chunk-size line does not end with CRLF");
        }
        byte[] buf = in.buffer();
        int start = in.lineStart();
        int end = start + length;
        long size = 0;
        int i = start;
        while (i < end && Grammar.hexValue(buf[i]) >= 0) {
            size = (size << 4) + Grammar.hexValue(buf[i]);
            if (size > maxBodyBytes) {
                // Checked per digit, so a long string of hex digits can never overflow.
                throw BodyFraming.tooLarge(maxBodyBytes);
            }
            i++;
        }
        if (i == start) {
            throw bad("a chunk size is not a hexadecimal number");
        }
        ChunkExtensions.check(buf, i, end);
        return size;
    }

    static HttpException bad(String message) {
        return new HttpException(Status.BAD_REQUEST, message);
    }
}
