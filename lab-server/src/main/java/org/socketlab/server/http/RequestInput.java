package org.socketlab.server.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * The buffered input of one connection: lines for the head, bulk reads for the body, under a
 * total deadline or a per-read time-out. One buffer is reused for every request of the connection.
 *
 * <p>On a {@link ConnectionLoop} there is no stream: the loop reads what the socket has into the buffer
 * ({@link #readFrom}) and parses; a parse that needs more bytes than are buffered fails with
 * {@link #WOULD_BLOCK}, and {@link #reset()} goes back to the {@link #mark()} to try again when more came.
 */
final class RequestInput {

    static final int INITIAL_BUFFER_BYTES = 8192;
    private static final long NO_DEADLINE = 0;
    /** Thrown by a read that needs more bytes than a loop's input has buffered; shared, without a trace. */
    static final IOException WOULD_BLOCK = new WouldBlock();

    private InputStream in;
    private Socket socket;
    private byte[] buf;
    private ByteBuffer wrapped;
    // Where the head being parsed on a loop starts, kept through compaction; -1 when not marked.
    private int mark = -1;
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
        this(in, socket, new byte[INITIAL_BUFFER_BYTES]);
    }

    private RequestInput(InputStream in, Socket socket, byte[] buf) {
        this.in = in;
        this.socket = socket;
        this.buf = buf;
    }

    /** An input filled by a connection loop with {@link #readFrom}; it holds no buffer of its own yet. */
    static RequestInput forLoop() {
        return new RequestInput(null, null, BodyReader.NO_BODY);
    }

    /**
     * Reads into the loop's buffer while this input holds no bytes of its own: a connection whose requests
     * come whole, one at a time, needs no buffer between them. {@link #keepOwnBytes} ends the loan.
     */
    void borrow(byte[] loopBuffer) {
        if (pos == limit && mark < 0) {
            buf = loopBuffer;
            pos = 0;
            limit = 0;
        }
    }

    /**
     * Ends a loan of the loop's buffer: bytes still buffered (a head in pieces, pipelined requests) are
     * copied to a buffer of this input's own; on a worker an input always has one.
     */
    void keepOwnBytes(byte[] loopBuffer, boolean forWorker) {
        if (buf != loopBuffer && (buf.length > 0 || !forWorker)) {
            return;
        }
        int from = mark >= 0 ? mark : pos;
        int kept = limit - from;
        if (kept == 0 && !forWorker) {
            buf = BodyReader.NO_BODY;
        } else {
            byte[] own = new byte[Math.max(INITIAL_BUFFER_BYTES, 2 * kept)];
            System.arraycopy(buf, from, own, 0, kept);
            buf = own;
        }
        pos -= from;
        limit = kept;
        if (mark >= 0) {
            mark = 0;
        }
    }

    /** Switches to blocking reads from the stream, the bytes buffered so far read first. */
    void useStream(InputStream stream, Socket timeoutSocket) {
        in = stream;
        socket = timeoutSocket;
        appliedTimeoutMillis = -1;
    }

    /** Switches back to loop mode: reads past the buffer fail with {@link #WOULD_BLOCK}. */
    void useLoop() {
        in = null;
        socket = null;
        deadlineNanos = NO_DEADLINE;
        minBytesPerSecond = 0;
    }

    /** Remembers where the head being parsed starts. */
    void mark() {
        mark = pos;
    }

    /** Goes back to the mark, after a parse ran out of bytes. */
    void reset() {
        pos = mark;
        mark = -1;
    }

    void unmark() {
        mark = -1;
    }

    /** Bytes buffered from the mark (or the read position) on: a head still coming in. */
    int unparsedBytes() {
        return limit - (mark >= 0 ? mark : pos);
    }

    /** Drops everything buffered; for the lingering close, which only discards. */
    void clear() {
        pos = 0;
        limit = 0;
        mark = -1;
    }

    /**
     * Reads what the non-blocking channel has, up to the room left (grown if there is none).
     *
     * @return the bytes read, 0 if none were ready, -1 at the end of the stream
     */
    int readFrom(SocketChannel channel) throws IOException {
        if (pos == limit && mark < 0) {
            pos = 0;
            limit = 0;
        }
        if (limit == buf.length) {
            makeRoom(Math.max(INITIAL_BUFFER_BYTES, buf.length * 2));
        }
        if (wrapped == null || wrapped.array() != buf) {
            wrapped = ByteBuffer.wrap(buf);
        }
        wrapped.limit(buf.length).position(limit);
        int n = channel.read(wrapped);
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    /** Whether the buffered bytes from {@code fromOffset} past the read position hold an empty line. */
    boolean holdsEmptyLine(int fromOffset) {
        for (int i = pos + Math.max(0, fromOffset); i < limit; i++) {
            if (buf[i] == '\n' && i > pos && (buf[i - 1] == '\n'
                    || buf[i - 1] == '\r' && i - 1 > pos && buf[i - 2] == '\n')) {
                return true;
            }
        }
        return false;
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
            if (in == null) {
                throw WOULD_BLOCK;
            }
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
        // A marked head is kept whole: its parse starts again from the mark.
        int keepFrom = mark >= 0 ? mark : pos;
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, limit - keepFrom);
            limit -= keepFrom;
            pos -= keepFrom;
            if (mark >= 0) {
                mark = 0;
            }
        } else {
            int grown = Math.max(buf.length + 1, Math.min(Math.max(buf.length * 2, INITIAL_BUFFER_BYTES),
                    neededCapacity + (pos - keepFrom)));
            buf = Arrays.copyOf(buf, grown);
        }
    }

    private int fill() throws IOException {
        if (in == null) {
            throw WOULD_BLOCK;
        }
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

    private static final class WouldBlock extends IOException {
        private static final long serialVersionUID = 1L;

        WouldBlock() {
            super("more bytes are needed than are buffered");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            // Control flow on the loop, thrown at every head that arrives in pieces: no trace to fill.
            return this;
        }
    }
}
