package org.socketlab.server.http;

import java.util.Objects;

/**
 * A request that cannot be served, with the status to answer. Thrown by the parsers, the router
 * and handlers; the connection loop turns it into the response. The message is shown to the
 * client, so it must never be built from unescaped client input.
 */
public class HttpException extends RuntimeException {

    private final Status status;
    private final Headers headers;

    /** An exception answered with this status and client-safe message. */
    public HttpException(Status status, String message) {
        this(status, message, Headers.empty(), null);
    }

    /**
     * An exception answered with this status and message, plus these header fields on the
     * response (e.g. {@code Allow} with 405, RFC 9110 §15.5.6).
     */
    public HttpException(Status status, String message, Headers headers) {
        this(status, message, headers, null);
    }

    /** An exception with a cause, which is logged but never sent. */
    public HttpException(Status status, String message, Headers headers, Throwable cause) {
        // No stack trace: this is an answer to a client, not a bug, and a parser may throw it for
        // every bad request a client sends.
        super(message, cause, true, false);
        this.status = Objects.requireNonNull(status, "status");
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    /** The status of the response. */
    public Status status() {
        return status;
    }

    /** Header fields to add to the error response; empty for most. */
    public Headers headers() {
        return headers;
    }
}
