package org.socketlab.api;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The framed reads of one {@link TcpConnection}: bytes a real recv returned past the end of a frame stay
 * here for the next read, as in Python's {@code socket.makefile()} or Java's {@code BufferedReader}.
 * Every real recv underneath is recorded by the connection; a framed read adds one note saying what it
 * returned and from how many recvs.
 */
final class Framing {
    /** What one real recv asks for when the frame's end is not known yet (the size Python's makefile uses). */
    static final int CHUNK = 8192;
    /** A frame longer than this is refused: a peer that never sends the delimiter must not fill the memory. */
    static final int MAX_FRAME = 1 << 20;

    /** Reads once from the socket; recorded by the connection. */
    @FunctionalInterface
    interface RawRecv {
        byte[] recv(int maxBytes) throws IOException;
    }

    private byte[] pending = new byte[0];

    /** @return whether bytes already read from the socket wait here */
    boolean hasPending() {
        return pending.length > 0;
    }

    /** Hands out up to {@code maxBytes} of the bytes already read; caller checked {@link #hasPending()}. */
    byte[] take(int maxBytes) {
        int n = Math.min(maxBytes, pending.length);
        byte[] taken = Arrays.copyOf(pending, n);
        pending = Arrays.copyOfRange(pending, n, pending.length);
        return taken;
    }

    /** The result of a framed read: the frame and how many real recvs it took. */
    record Frame(byte[] bytes, int recvs) {
    }

    /**
     * Reads until {@code delimiter} has arrived.
     *
     * @return the bytes up to and including the delimiter, or {@code null} when the peer closed before
     *         sending anything
     * @throws EOFException when the peer closed in the middle of a frame
     */
    Frame until(byte[] delimiter, RawRecv raw, String operation) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        byte[] have = pending;
        pending = new byte[0];
        int recvs = 0;
        int searchFrom = 0;
        while (true) {
            frame.writeBytes(have);
            byte[] all = frame.toByteArray();
            int end = indexOf(all, delimiter, Math.max(0, searchFrom - delimiter.length + 1));
            if (end >= 0) {
                int frameEnd = end + delimiter.length;
                pending = Arrays.copyOfRange(all, frameEnd, all.length);
                return new Frame(Arrays.copyOf(all, frameEnd), recvs);
            }
            if (all.length > MAX_FRAME) {
                throw new IOException(operation + ": no " + Bytes.quoted(delimiter) + " within " + MAX_FRAME
                        + " bytes");
            }
            searchFrom = all.length;
            have = raw.recv(CHUNK);
            recvs++;
            if (have.length == 0) {
                if (all.length == 0) {
                    return new Frame(null, recvs);
                }
                throw new EOFException(operation + ": the peer closed after " + all.length + " bytes, before "
                        + Bytes.quoted(delimiter) + " came");
            }
        }
    }

    /**
     * Reads exactly {@code count} bytes, asking each real recv for no more than is still missing, so that
     * nothing past the frame is read.
     *
     * @throws EOFException when the peer closed before {@code count} bytes came
     */
    Frame exactly(int count, RawRecv raw) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(count);
        frame.writeBytes(take(count));
        int recvs = 0;
        while (frame.size() < count) {
            byte[] piece = raw.recv(count - frame.size());
            recvs++;
            if (piece.length == 0) {
                throw new EOFException("recvExactly(" + count + "): the peer closed after " + frame.size()
                        + " of " + count + " bytes");
            }
            frame.writeBytes(piece);
        }
        return new Frame(frame.toByteArray(), recvs);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
