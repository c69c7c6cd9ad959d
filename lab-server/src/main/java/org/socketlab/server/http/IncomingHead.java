package org.socketlab.server.http;

import java.io.IOException;

/**
 * The head of the next request of a loop's connection, as its bytes arrive: parsed by the same
 * {@link RequestReader} as on a worker, from the start again whenever there is reason to think it is whole.
 * A head's total deadline runs from its first byte.
 */
final class IncomingHead {

    // A head that arrives in pieces is parsed again when an empty line (its end) arrives, or after this many
    // more bytes, to find a line that breaks a limit or the grammar: a client that drips a head cannot make
    // the loop parse it once per byte.
    private static final int REPARSE_EVERY_BYTES = 1024;

    private final RequestInput input;
    private final RequestReader reader;
    // When the head now coming in started, or 0 when none is.
    private long startNanos;
    private int parsedBytes;
    private RequestLine line;

    IncomingHead(RequestInput input, RequestReader reader) {
        this.input = input;
        this.reader = reader;
    }

    /**
     * Parses the head if it may be whole by now.
     *
     * @return the head, or null while it is not all here
     * @throws HttpException for a head that breaks a rule or a limit ({@link #line()} has its request line
     *                       if that was read); a RuntimeException for a bug of ours
     * @throws java.io.EOFException never: a loop's input has no end, only {@link RequestInput#WOULD_BLOCK}
     */
    RequestHead tryParse() {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
            parsedBytes = 0;
        }
        int unparsed = input.unparsedBytes();
        if (parsedBytes > 0 && unparsed - parsedBytes < REPARSE_EVERY_BYTES
                && !input.holdsEmptyLine(parsedBytes - 2)) {
            return null;
        }
        input.mark();
        line = null;
        try {
            line = reader.readRequestLine();
            if (line == null) {
                throw RequestInput.WOULD_BLOCK;
            }
            RequestHead head = reader.readHead(line);
            input.unmark();
            return head;
        } catch (IOException wouldBlock) {
            // Only RequestInput.WOULD_BLOCK: the head is not all here.
            input.reset();
            parsedBytes = unparsed;
            return null;
        } catch (RuntimeException | Error e) {
            input.unmark();
            throw e;
        }
    }

    /** The request line of the last parse, or null if it did not get that far. */
    RequestLine line() {
        return line;
    }

    /** The request line if it came whole, for the answer to a head that timed out; the head stays as it was. */
    RequestLine lineIfHere() {
        input.mark();
        try {
            return reader.readRequestLine();
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            input.reset();
        }
    }

    /** When the head now coming in started, or 0 when none is. */
    long startNanos() {
        return startNanos;
    }

    /** Done with this head (served, refused or never started): the next one starts with its first byte. */
    long finish() {
        long started = startNanos;
        startNanos = 0;
        return started;
    }
}
