package org.socketlab.server.http;

/**
 * Turns an error status and its client-safe message into the response sent, so that the JSON API
 * can answer {@code {"error": "..."}} where the web page gets text.
 */
@FunctionalInterface
public interface ErrorRenderer {

    /**
     * The response for an error.
     *
     * @param status     the status to send
     * @param message    a message safe to show to the client, never null
     * @param pathOrNull the decoded request path, or null if the request could not be parsed
     */
    HttpResponse render(Status status, String message, String pathOrNull);

    /** Renders "message" as text/plain; the default. */
    static ErrorRenderer plainText() {
        return (status, message, path) -> HttpResponse.text(status, message + "\n");
    }
}
