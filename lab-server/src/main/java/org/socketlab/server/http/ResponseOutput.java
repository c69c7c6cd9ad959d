package org.socketlab.server.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The buffered output of one connection: a response head and a small body are gathered into one
 * buffer and leave in a single write. Unsynchronized, as only the connection's thread writes.
 */
final class ResponseOutput extends OutputStream {

    static final int BUFFER_BYTES = 16 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int count;
    private long bytesWritten;
    // When the socket write under way began, or 0: the WriteWatchdog closes a connection stuck in one.
    private volatile long writeSinceNanos;

    ResponseOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) {
            drain();
        }
        buf[count++] = (byte) b;
        bytesWritten++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        bytesWritten += len;
        if (len > buf.length - count) {
            drain();
            if (len >= buf.length) {
                send(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Writes a string of chars up to U+00FF as ISO-8859-1, one byte each (RFC 9110 §5.5). */
    void writeLatin1(String s) throws IOException {
        int length = s.length();
        if (length > buf.length - count) {
            drain();
            if (length > buf.length) {
                for (int i = 0; i < length; i++) {
                    write(s.charAt(i));
                }
                return;
            }
        }
        for (int i = 0; i < length; i++) {
            buf[count + i] = (byte) s.charAt(i);
        }
        count += length;
        bytesWritten += length;
    }

    /** Writes a non-negative number in decimal. */
    void writeDecimal(long value) throws IOException {
        // Digits straight into the buffer: Long.toString allocated a String for every Content-Length.
        if (value < 0) {
            throw new IllegalArgumentException("not a non-negative number: " + value);
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        if (digits > buf.length - count) {
            drain();
        }
        for (int i = count + digits - 1; i >= count; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        count += digits;
        bytesWritten += digits;
    }

    void writeCrlf() throws IOException {
        write(CRLF, 0, 2);
    }

    /** Sends everything buffered to the socket. */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Bytes accepted so far, buffered or sent. */
    long bytesWritten() {
        return bytesWritten;
    }

    /** Forgets buffered bytes, after a failure left a response half-built. */
    void discardBuffered() {
        bytesWritten -= count;
        count = 0;
    }

    /** When the socket write under way began, or 0 if none is. */
    long writeSinceNanos() {
        return writeSinceNanos;
    }

    private void drain() throws IOException {
        if (count > 0) {
            send(buf, 0, count);
            count = 0;
        }
    }

    // In slices, each timed from its start: a slow reader that takes each slice in time is progress.
    private void send(byte[] b, int off, int len) throws IOException {
        for (int done = 0; done < len; done += BUFFER_BYTES) {
            writeSinceNanos = System.nanoTime() | 1;
            try {
                out.write(b, off + done, Math.min(BUFFER_BYTES, len - done));
            } finally {
                writeSinceNanos = 0;
            }
        }
    }

    /** Does not close the socket: the connection does that. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
