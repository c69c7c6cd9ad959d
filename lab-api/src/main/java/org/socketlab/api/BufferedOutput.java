package org.socketlab.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The buffered sending side of a {@link TcpConnection}, from {@link TcpConnection#buffered()}: like Python's
 * {@code sock.makefile('wb')} or Java's {@code BufferedOutputStream}. {@link #write(byte[])} only adds to a
 * buffer; nothing goes on the wire until {@link #flush()}, or until the buffer is full. Each flush is one
 * recorded {@code send}. Bytes still in the buffer are visibly not sent: a recv on the same connection
 * while they wait adds a note, and closing the connection with them still here adds a note that they were
 * never sent. Thread-safe.
 *
 * @since 1.1
 */
public final class BufferedOutput implements AutoCloseable {
    static final int DEFAULT_CAPACITY = 8192;

    private final TcpConnection connection;
    private final int capacity;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean warnedWhileWaiting;

    BufferedOutput(TcpConnection connection, int capacity) {
        this.connection = connection;
        this.capacity = capacity;
    }

    /**
     * Adds {@code data} to the buffer; when the buffer would overflow, first sends what it holds (one
     * recorded send), as a buffered stream does. Nothing is recorded for the bytes that only wait.
     *
     * @param data the bytes
     * @throws IOException if a send the full buffer caused failed (recorded as an error)
     * @since 1.1
     */
    public void write(byte[] data) throws IOException {
        synchronized (this) {
            if (pending.size() + data.length > capacity && pending.size() > 0) {
                flush();
            }
            pending.writeBytes(data);
            warnedWhileWaiting = false;
            if (pending.size() >= capacity) {
                flush();
            }
        }
    }

    /**
     * {@link #write(byte[])} of {@code text} encoded as UTF-8.
     *
     * @param text the text
     * @throws IOException as {@link #write(byte[])}
     * @since 1.1
     */
    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends everything in the buffer as one recorded {@code send}; does nothing when it is empty.
     *
     * @throws IOException if the send failed (recorded as an error)
     * @since 1.1
     */
    public synchronized void flush() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        byte[] data = pending.toByteArray();
        pending.reset();
        connection.send(data);
    }

    /**
     * @return how many bytes were written but not sent yet
     * @since 1.1
     */
    public synchronized int pending() {
        return pending.size();
    }

    /**
     * Flushes, as closing a buffered stream does; the connection stays open.
     *
     * @throws IOException if the send failed
     * @since 1.1
     */
    @Override
    public void close() throws IOException {
        flush();
    }

    /** Called before each real recv of the connection: a program waiting for an answer to a request it never sent. */
    synchronized void warnIfWaitingWithUnflushed() {
        if (pending.size() > 0 && !warnedWhileWaiting) {
            warnedWhileWaiting = true;
            connection.actor().note("waits in recv while " + pending.size() + " bytes written to its buffered "
                    + "output were never flushed, so never sent: " + Bytes.quoted(pending.toByteArray()));
        }
    }

    /** Called when the connection closes: the bytes still buffered are lost, as they are when a program forgets flush. */
    synchronized void warnIfDropped() {
        if (pending.size() > 0) {
            connection.actor().note("closes with " + pending.size() + " bytes still in its buffered output: "
                    + Bytes.quoted(pending.toByteArray()) + " was never sent (flush() was not called)");
            pending.reset();
        }
    }
}
