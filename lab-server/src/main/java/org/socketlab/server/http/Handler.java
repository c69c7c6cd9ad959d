package org.socketlab.server.http;

/** Answers requests; the server calls it on the connection's thread, so it may block. */
@FunctionalInterface
public interface Handler {

    /**
     * Answers one request.
     *
     * @throws HttpException to answer with its status and message through the server's
     *                       {@link ErrorRenderer}; any other exception becomes a 500 whose
     *                       message reveals nothing of the exception
     */
    HttpResponse handle(HttpRequest request) throws Exception;

    /**
     * Whether this handler would read the body of a request with this head; the server asks
     * before answering {@code Expect: 100-continue} (RFC 9110 §10.1.1), so that a client is not
     * invited to send a body that would be refused anyway. The request passed has an empty body.
     * Defaults to true.
     */
    default boolean acceptsBody(HttpRequest head) {
        return true;
    }
}
