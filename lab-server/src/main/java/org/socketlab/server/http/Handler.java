package org.socketlab.server.http;

/**
 * Answers requests. The server calls {@link #handle} on a worker thread, so it may block; a request
 * without a body is first offered to {@link #handleWithoutBlocking} on the connection loop, which
 * answers the requests that need no waiting (pages, cached JSON, errors) without a thread switch.
 */
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

    /**
     * Answers on the connection loop if this handler can do so without blocking, else returns null and
     * the server calls {@link #handle} on a worker thread. Whether a request can be answered here is the
     * route's property (see {@link NonBlockingHandler}), not a guess made per request. Called only for
     * requests without a body. Defaults to null: every request on a worker.
     *
     * @return the response, or null to have {@link #handle} called on a worker
     * @throws HttpException as {@link #handle}
     */
    default HttpResponse handleWithoutBlocking(HttpRequest request) throws Exception {
        return null;
    }
}
