package org.socketlab.server.http;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the body of a streaming response, e.g. server-sent events, as it is produced. */
@FunctionalInterface
public interface BodyWriter {

    /**
     * Writes the body. {@code out.flush()} sends what was written so far to the client; closing
     * {@code out} ends the body (returning does too). Runs on the connection's thread.
     *
     * @throws IOException if the client went away; the server then drops the connection
     */
    void writeTo(OutputStream out) throws IOException;
}
