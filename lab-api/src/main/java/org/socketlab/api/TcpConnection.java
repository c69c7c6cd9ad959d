package org.socketlab.api;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.socketlab.api.transcript.EventKind;
import org.socketlab.engine.Endpoints;
import org.socketlab.engine.Failures;
import org.socketlab.engine.RecordingContext;
import org.socketlab.engine.Wire;

/**
 * A connected TCP socket that records every send, every recv (bytes asked for and bytes returned),
 * failures and the close, under its actor's name. Unbuffered on purpose: each {@link #recv(int)} is one
 * read of the socket, exactly like Python's {@code recv}, so a transcript shows how TCP really splits a
 * stream. One thread may send while another receives.
 *
 * <p>Every event carries the connection's {@link #conn()} id, and each send and recv the {@code offset} of
 * its first byte in its direction of the stream: each end counts the bytes it sent and received, so the
 * offsets of a send and of the recvs that read it agree.
 */
public final class TcpConnection implements AutoCloseable {
    private final Actor actor;
    private final RecordingContext context;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String local;
    private final String remote;
    private final Wire wire;
    private final Object sendLock = new Object();
    private final Object recvLock = new Object();
    private final Framing framing = new Framing();
    private volatile BufferedOutput buffered;
    private long sentBytes;
    private long receivedBytes;
    private volatile int timeoutMillis;
    private volatile boolean outputShut;
    private volatile boolean closed;

    /**
     * @param conn the connection's id in the run
     * @param peer the name of the other end when it is not a lab socket and a case named it, else null
     */
    TcpConnection(Actor actor, RecordingContext context, Socket socket, int conn, String peer) throws IOException {
        this.actor = actor;
        this.context = context;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.local = Endpoints.format(socket.getLocalSocketAddress());
        this.remote = Endpoints.format(socket.getRemoteSocketAddress());
        this.wire = Wire.tcp(local, remote, conn, peer);
        this.timeoutMillis = context.millis(context.ioTimeout());
        socket.setTcpNoDelay(true);
    }

    /** @return the local address, {@code 127.0.0.1:port} */
    public String local() {
        return local;
    }

    /** @return the peer's address */
    public String remote() {
        return remote;
    }

    /** @return the local port */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** @return the peer's port */
    public int remotePort() {
        return socket.getPort();
    }

    /**
     * The id of this connection in the run's transcript: the {@code conn} of its events, the same at both
     * ends when both are lab sockets.
     *
     * @return the id, unique within the run
     * @since 1.1
     */
    public int conn() {
        return wire.conn();
    }

    /** @return the actor that owns it */
    public Actor actor() {
        return actor;
    }

    /**
     * Sets how long one {@link #recv(int)} waits for data.
     *
     * @param timeout a positive duration
     */
    public void setTimeout(Duration timeout) {
        this.timeoutMillis = context.millis(timeout);
    }

    /**
     * Sends all of {@code data}; records {@code send} with the exact bytes.
     *
     * @param data the bytes
     * @return {@code data.length}
     * @throws IOException if the connection failed (recorded as an error)
     */
    public int send(byte[] data) throws IOException {
        // One send at a time, recorded before the next: offsets follow the order bytes enter the stream.
        synchronized (sendLock) {
            long started = System.nanoTime();
            try {
                out.write(data);
                out.flush();
            } catch (IOException e) {
                fail(e, "send failed: " + Failures.describe(e));
                throw e;
            }
            context.recorder().stampedEvent(started, actor.name(), EventKind.SEND, wire, data, sentBytes, null);
            sentBytes += data.length;
            return data.length;
        }
    }

    /**
     * Sends {@code text} encoded as UTF-8, as Python's {@code send(text.encode())} does.
     *
     * @param text the text
     * @return the number of bytes sent
     * @throws IOException if the connection failed
     */
    public int send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads once, at most {@code maxBytes}: returns what one read of the socket gives, which may be less
     * than asked for, and an empty array when the peer has closed. Records {@code recv} with
     * {@code requested = maxBytes} and the bytes that came.
     *
     * @param maxBytes how many bytes to ask for, at least 1
     * @return the bytes read; empty when the peer closed its side
     * @throws SocketTimeoutException if nothing came within the time-out (recorded as an error)
     * @throws IOException            if the connection failed (recorded as an error)
     */
    public byte[] recv(int maxBytes) throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("recv needs at least 1 byte of buffer, got " + maxBytes);
        }
        synchronized (recvLock) {
            if (framing.hasPending()) {
                // Already read from the socket (and recorded) by a framed read that read past its frame.
                byte[] data = framing.take(maxBytes);
                actor.note("recv(" + maxBytes + ") returned " + data.length
                        + " bytes that an earlier framed read had already received");
                return data;
            }
            return recvOnce(maxBytes);
        }
    }

    private byte[] recvOnce(int maxBytes) throws IOException {
        BufferedOutput output = buffered;
        if (output != null) {
            output.warnIfWaitingWithUnflushed();
        }
        byte[] buffer = new byte[maxBytes];
        int n;
        try {
            socket.setSoTimeout(timeoutMillis);
            n = in.read(buffer, 0, maxBytes);
        } catch (IOException e) {
            IOException failure = Failures.clearer(e, "recv", timeoutMillis);
            fail(failure, failure == e ? "recv failed: " + Failures.describe(e) : failure.getMessage());
            throw failure;
        }
        byte[] data = n <= 0 ? new byte[0] : Arrays.copyOf(buffer, n);
        context.recorder().received(actor.name(), wire, maxBytes, data, receivedBytes, null);
        receivedBytes += data.length;
        return data;
    }

    /**
     * Reads one line: calls recv (each call recorded, asking for up to 8192 bytes) until a {@code \n}
     * has arrived, and returns the line without its {@code \n} or {@code \r\n}, decoded as UTF-8. Bytes
     * that came after the line are kept for the next read of this connection, as Python's
     * {@code makefile().readline()} does. Records a note with the line and how many recvs it took.
     *
     * @return the line, or {@code null} if the peer closed before sending anything more
     * @throws java.io.EOFException   if the peer closed in the middle of a line (recorded as an error)
     * @throws SocketTimeoutException if a recv timed out (recorded as an error)
     * @throws IOException            if the connection failed, or no line end came within 1 MiB
     * @since 1.1
     */
    public String recvLine() throws IOException {
        byte[] line = framed("recvLine()", () -> framing.until(new byte[] {'\n'}, this::recvOnce, "recvLine()"));
        if (line == null) {
            return null;
        }
        int end = line.length - 1;
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Reads until {@code delimiter} has arrived (an HTTP head ends with {@code "\r\n\r\n"}): calls recv
     * (each call recorded) as {@link #recvLine()} does, and keeps what came after the delimiter for the
     * next read.
     *
     * @param delimiter the bytes that end the frame, at least one
     * @return the bytes up to and including the delimiter
     * @throws java.io.EOFException if the peer closed before the delimiter came (recorded as an error)
     * @throws IOException          as {@link #recvLine()}
     * @since 1.1
     */
    public byte[] recvUntil(byte[] delimiter) throws IOException {
        if (delimiter == null || delimiter.length == 0) {
            throw new IllegalArgumentException("recvUntil needs a delimiter of at least one byte");
        }
        byte[] copy = delimiter.clone();
        String operation = "recvUntil(" + Bytes.quoted(copy) + ")";
        byte[] frame = framed(operation, () -> framing.until(copy, this::recvOnce, operation));
        if (frame == null) {
            EOFException closed = new EOFException(operation + ": the peer closed before " + Bytes.quoted(copy)
                    + " came");
            fail(closed, closed.getMessage());
            throw closed;
        }
        return frame;
    }

    /**
     * {@link #recvUntil(byte[])} with a text delimiter, returning text; both are UTF-8.
     *
     * @param delimiter the text that ends the frame, such as {@code "\r\n\r\n"}
     * @return the text up to and including the delimiter
     * @throws IOException as {@link #recvUntil(byte[])}
     * @since 1.1
     */
    public String recvUntil(String delimiter) throws IOException {
        return new String(recvUntil(delimiter.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /**
     * Reads exactly {@code count} bytes (a body whose {@code Content-Length} is known, a fixed-size
     * header): calls recv, each call recorded, asking each time for only the bytes still missing, so that
     * nothing after them is read.
     *
     * @param count how many bytes, at least 0
     * @return exactly {@code count} bytes
     * @throws java.io.EOFException if the peer closed before they all came (recorded as an error)
     * @throws IOException          as {@link #recv(int)}
     * @since 1.1
     */
    public byte[] recvExactly(int count) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("recvExactly needs a count of at least 0, got " + count);
        }
        return framed("recvExactly(" + count + ")", () -> framing.exactly(count, this::recvOnce));
    }

    /** Reads one frame under the recv lock, notes what it returned, and records a premature close as an error. */
    private byte[] framed(String operation, FrameRead read) throws IOException {
        synchronized (recvLock) {
            Framing.Frame frame;
            try {
                frame = read.read();
            } catch (EOFException e) {
                fail(e, e.getMessage());
                throw e;
            }
            String source = frame.recvs() == 0 ? "bytes an earlier recv had already received"
                    : frame.recvs() == 1 ? "1 recv" : frame.recvs() + " recvs";
            actor.note(operation + (frame.bytes() == null ? " found the connection closed (" + source + ")"
                    : " returned " + Bytes.quoted(frame.bytes()) + " (" + frame.bytes().length + " bytes, from "
                    + source + ")"));
            return frame.bytes();
        }
    }

    @FunctionalInterface
    private interface FrameRead {
        Framing.Frame read() throws IOException;
    }

    /**
     * A buffered view of this connection's sending side, like Python's {@code makefile('wb')} or Java's
     * {@code BufferedOutputStream}: what is written to it is sent only when it is flushed or its buffer is
     * full. Lets a case show the "forgot to flush" bug: a recv while bytes wait unflushed, and a close that
     * drops them, each add a note saying so. The same view is returned every time.
     *
     * @return the buffered view, with a buffer of 8192 bytes
     * @since 1.1
     */
    public BufferedOutput buffered() {
        synchronized (sendLock) {
            if (buffered == null) {
                buffered = new BufferedOutput(this, BufferedOutput.DEFAULT_CAPACITY);
            }
            return buffered;
        }
    }

    /**
     * {@link #recv(int)} decoded as UTF-8.
     *
     * @param maxBytes how many bytes to ask for
     * @return the text; empty when the peer closed
     * @throws IOException as {@link #recv(int)}
     */
    public String recvText(int maxBytes) throws IOException {
        return new String(recv(maxBytes), StandardCharsets.UTF_8);
    }

    /**
     * Calls {@link #recv(int)} until the peer closes (a recv returns 0 bytes), each call recorded: the
     * loop that the handouts teach as the fix for a truncated message.
     *
     * @param bufferSize how many bytes each recv asks for
     * @return everything received, in order
     * @throws IOException as {@link #recv(int)}
     */
    public byte[] recvUntilClosed(int bufferSize) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk;
        while ((chunk = recv(bufferSize)).length > 0) {
            all.writeBytes(chunk);
        }
        return all.toByteArray();
    }

    /**
     * Shuts down the sending half (like Python's {@code shutdown(SHUT_WR)}): the peer's next recv
     * returns 0 bytes while this side can still receive. Records {@code close} with a note.
     *
     * @throws IOException if it failed
     */
    public void shutdownOutput() throws IOException {
        if (outputShut || closed) {
            return;
        }
        outputShut = true;
        socket.shutdownOutput();
        context.recorder().socketEvent(actor.name(), EventKind.CLOSE, wire,
                "shutdown(SHUT_WR): no more sends, still receiving");
    }

    /** Closes the connection; records {@code close}. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        BufferedOutput output = buffered;
        if (output != null) {
            output.warnIfDropped();
        }
        closed = true;
        context.close(socket);
        context.recorder().socketEvent(actor.name(), EventKind.CLOSE, wire);
    }

    /**
     * Closes the connection abortively: with {@code SO_LINGER} 0 the system discards what is queued and sends
     * a reset (RST) instead of a FIN, so the peer's next recv or send fails with "Connection reset by peer".
     * This is what a program's plain {@code close()} turns into on Linux when bytes it never read are still
     * waiting (RFC 2525 §2.17); CPython's {@code close()} does exactly that, while the JVM's close shuts the
     * sending side first. Cases use it to show a Python program's close faithfully. Records {@code close}
     * with a note saying it was a reset. Does nothing when already closed.
     *
     * @since 1.1
     */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already broken: closing it is all that is left, and the close below still happens.
        }
        context.close(socket);
        context.recorder().socketEvent(actor.name(), EventKind.CLOSE, wire,
                "abortive close: reset (RST) sent, unread bytes discarded");
    }

    private void fail(IOException e, String message) {
        if (!closed) {
            context.recorder().failure(actor.name(), wire, e, message);
        }
    }
}
