package org.socketlab.server.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * The buffered input of one connection: lines for the head, bulk reads for the body, under a
 * total deadline or a per-read time-out. One buffer is reused for every request of the connection.
 */
final class RequestInput {

    static final int INITIAL_BUFFER_BYTES = 8192;
    private static final long NO_DEADLINE = 0;

    private final InputStream in;
    private final Socket socket;
    private byte[] buf = new byte[INITIAL_BUFFER_BYTES];
    private int pos;
    private int limit;
    private int lineStart;
    private int lineBytesConsumed;
    private boolean lineEndedWithCrlf;
    private long deadlineNanos = NO_DEADLINE;
    private int readTimeoutMillis;
    private int appliedTimeoutMillis = -1;
    // While a body is read: the deadline moves on by one second for every this many bytes received.
    private long minBytesPerSecond;
    private long bytesSinceDeadline;

    /**
     * @param socket the socket whose time-out to set before each read, or null when reading a
     *               plain stream (parser tests): then no time limit applies
     */
    RequestInput(InputStream in, Socket socket) {
        this.in = in;
        this.socket = socket;
    }

    /**
     * Waits up to the idle time-out for the first byte of the next request.
     *
     * @return false if the peer closed the connection or sent nothing in time
     */
    boolean awaitRequest(int idleTimeoutMillis) throws IOException {
        if (pos < limit) {
            return true;
        }
        pos = 0;
        limit = 0;
        useReadTimeout(idleTimeoutMillis);
        try {
            return fill() > 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Makes every following read fail once this many milliseconds have passed in total. */
    void startDeadline(int totalMillis) {
        deadlineNanos = System.nanoTime() + totalMillis * 1_000_000L;
        minBytesPerSecond = 0;
    }

    /**
     * Makes every following read fail once {@code baseMillis}, plus the time the bytes received so far take
     * at {@code minBytesPerSecond}, have passed; and any read that waits longer than {@code baseMillis}.
     */
    void startBodyDeadline(int baseMillis, long minBytesPerSecond) {
        deadlineNanos = System.nanoTime() + baseMillis * 1_000_000L;
        readTimeoutMillis = baseMillis;
        this.minBytesPerSecond = minBytesPerSecond;
        bytesSinceDeadline = 0;
    }

    /** Makes every following read fail if it waits longer than this, with no total limit. */
    void useReadTimeout(int millis) {
        deadlineNanos = NO_DEADLINE;
        minBytesPerSecond = 0;
        readTimeoutMillis = millis;
    }

    /**
     * Reads one line ended by LF, dropping a CR just before the LF. RFC 9112 §2.2 lets a recipient
     * accept a bare LF as a line terminator in the head; callers that need CRLF check
     * {@link #lineEndedWithCrlf()}. A CR elsewhere stays in the line for the parser to reject.
     *
     * @param maxBytes the longest line accepted, terminator excluded
     * @param tooLong  the status of the exception thrown for a longer line
     * @return the length of the line, whose bytes are at {@link #buffer()} from
     *         {@link #lineStart()}; or -1 if the stream ended before the first byte
     * @throws EOFException if the stream ends inside the line
     */
    int readLine(int maxBytes, Status tooLong, String what) throws IOException {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                if (buf[i] == '\n') {
                    return takeLine(i, maxBytes, tooLong, what);
                }
            }
            if (limit - pos > maxBytes + 1) {
                throw new HttpException(tooLong, what + " is longer than " + maxBytes + " bytes");
            }
            scanFrom = limit - pos;
            makeRoom(maxBytes + 2);
            scanFrom += pos;
            if (fill() < 0) {
                if (limit == pos) {
                    return -1;
                }
                throw new EOFException("stream ended inside the " + what);
            }
        }
    }

    private int takeLine(int lf, int maxBytes, Status tooLong, String what) {
        lineEndedWithCrlf = lf > pos && buf[lf - 1] == '\r';
        int end = lineEndedWithCrlf ? lf - 1 : lf;
        int length = end - pos;
        if (length > maxBytes) {
            throw new HttpException(tooLong, what + " is longer than " + maxBytes + " bytes");
        }
        lineStart = pos;
        lineBytesConsumed = lf + 1 - pos;
        pos = lf + 1;
        return length;
    }

    byte[] buffer() {
        return buf;
    }

    int lineStart() {
        return lineStart;
    }

    /** The bytes the last line took from the stream, terminator included. */
    int lineBytesConsumed() {
        return lineBytesConsumed;
    }

    boolean lineEndedWithCrlf() {
        return lineEndedWithCrlf;
    }

    /** The next byte, or -1 at the end of the stream. */
    int read() throws IOException {
        if (pos == limit) {
            pos = 0;
            limit = 0;
            if (fill() < 0) {
                return -1;
            }
        }
        return buf[pos++] & 0xFF;
    }

    /** Reads exactly length bytes; large reads go straight from the socket into the destination. */
    void readFully(byte[] dst, int offset, int length) throws IOException {
        int buffered = Math.min(length, limit - pos);
        System.arraycopy(buf, pos, dst, offset, buffered);
        pos += buffered;
        int done = buffered;
        while (done < length) {
            applyTimeout();
            int n = in.read(dst, offset + done, length - done);
            if (n < 0) {
                throw new EOFException("stream ended inside the body, " + (length - done) + " bytes short");
            }
            done += n;
            bytesSinceDeadline += n;
        }
    }

    /** Whether bytes of a next request are already buffered (pipelining). */
    boolean hasBufferedBytes() {
        return pos < limit;
    }

    private void makeRoom(int neededCapacity) {
        if (limit < buf.length) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        } else {
            int grown = Math.max(buf.length + 1, Math.min(buf.length * 2, neededCapacity));
            buf = Arrays.copyOf(buf, grown);
        }
    }

    private int fill() throws IOException {
        applyTimeout();
        int n = in.read(buf, limit, buf.length - limit);
        if (n > 0) {
            limit += n;
            bytesSinceDeadline += n;
        }
        return n;
    }

    private void applyTimeout() throws IOException {
        if (socket == null) {
            return;
        }
        int millis = readTimeoutMillis;
        if (deadlineNanos != NO_DEADLINE) {
            long earned = minBytesPerSecond == 0 ? 0
                    : bytesSinceDeadline >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE / 4
                    : bytesSinceDeadline * 1_000_000_000L / minBytesPerSecond;
            long remainingNanos = deadlineNanos + earned - System.nanoTime();
            if (remainingNanos <= 0) {
                throw new SocketTimeoutException("request read deadline passed");
            }
            long remainingMillis = (remainingNanos + 999_999) / 1_000_000;
            millis = (int) Math.max(1, minBytesPerSecond == 0 ? remainingMillis : Math.min(readTimeoutMillis, remainingMillis));
        }
        // Setting SO_TIMEOUT only stores a field, but skipping repeats keeps the common case free.
        if (millis != appliedTimeoutMillis) {
            socket.setSoTimeout(millis);
            appliedTimeoutMillis = millis;
        }
    }
}
