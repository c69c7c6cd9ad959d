package org.socketlab.server.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of a streaming response in the chunked transfer coding (RFC 9112 §7.1): writes are
 * gathered and sent as one chunk on flush, or when the buffer fills.
 */
final class ChunkedOutputStream extends OutputStream {

    static final int CHUNK_BYTES = 8192;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ResponseOutput out;
    private final byte[] buf = new byte[CHUNK_BYTES];
    private int count;
    private long payloadBytes;
    private boolean finished;

    ChunkedOutputStream(ResponseOutput out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        if (count == buf.length) {
            writeChunk();
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkOpen();
        while (len > 0) {
            if (count == buf.length) {
                writeChunk();
            }
            int n = Math.min(len, buf.length - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Sends what was written so far as one chunk. */
    @Override
    public void flush() throws IOException {
        if (!finished) {
            writeChunk();
            out.flush();
        }
    }

    /** Ends the body with the last chunk and an empty trailer section; idempotent. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            writeChunk();
            out.write('0');
            out.writeCrlf();
            out.writeCrlf();
            out.flush();
            finished = true;
        }
    }

    private void writeChunk() throws IOException {
        if (count == 0) {
            // A zero-size chunk would end the body (RFC 9112 §7.1).
            return;
        }
        writeHex(count);
        out.writeCrlf();
        out.write(buf, 0, count);
        out.writeCrlf();
        payloadBytes += count;
        count = 0;
    }

    /** The body bytes sent in chunks so far, without the chunked framing. */
    long payloadBytes() {
        return payloadBytes;
    }

    private void writeHex(int value) throws IOException {
        int shift = 28;
        while (shift > 0 && (value >>> shift) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            out.write(HEX[(value >>> shift) & 0xF]);
        }
    }

    private void checkOpen() throws IOException {
        if (finished) {
            throw new IOException("the response body has already ended");
        }
    }
}
