package org.socketlab.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * The bytes of a loop's answer that the socket did not take at once, kept until it is writable again. Empty
 * (no array held) in the common case, where a response leaves in one write.
 */
final class PendingOutput {
    private static final int MIN_BYTES = 8192;

    private byte[] bytes;
    private int start;
    private int end;
    // Since when the bytes kept made no progress, for the WriteWatchdog; 0 when nothing is kept.
    private volatile long stalledSinceNanos;

    boolean isEmpty() {
        return bytes == null;
    }

    /** Writes what the socket takes now and keeps the rest, behind anything kept already. */
    void writeOrKeep(SocketChannel channel, ByteBuffer buffer) throws IOException {
        if (bytes == null) {
            channel.write(buffer);
            if (!buffer.hasRemaining()) {
                return;
            }
            bytes = new byte[Math.max(buffer.remaining(), MIN_BYTES)];
            start = 0;
            end = 0;
            stalledSinceNanos = System.nanoTime() | 1;
        }
        int length = buffer.remaining();
        if (bytes.length - end < length) {
            bytes = Arrays.copyOfRange(bytes, start, start + Math.max(2 * bytes.length, end - start + length));
            end -= start;
            start = 0;
        }
        buffer.get(bytes, end, length);
        end += length;
    }

    /**
     * Writes what the socket takes of the bytes kept.
     *
     * @return whether everything kept is written
     */
    boolean writeTo(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, end - start);
        if (channel.write(buffer) > 0) {
            stalledSinceNanos = System.nanoTime() | 1;
        }
        start = buffer.position();
        if (start < end) {
            return false;
        }
        bytes = null;
        stalledSinceNanos = 0;
        return true;
    }

    long stalledSinceNanos() {
        return stalledSinceNanos;
    }
}
