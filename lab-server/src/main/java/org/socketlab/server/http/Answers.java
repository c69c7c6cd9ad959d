package org.socketlab.server.http;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * What a connection does with a request once its head is read, on the loop and on a worker alike: call
 * the handler, turn every failure into a response, log the answer. The one place where failures become
 * responses.
 */
final class Answers {

    private final HttpServer server;
    private final Handler handler;

    Answers(HttpServer server, Handler handler) {
        this.server = server;
        this.handler = handler;
    }

    /** The handler's answer, on a worker: it may block. */
    HttpResponse dispatch(HttpRequest request) {
        try {
            return nonNull(handler.handle(request), request);
        } catch (Throwable e) {
            return failed(e, request);
        }
    }

    /** The handler's answer if it gives one without blocking, else null: then the request goes to a worker. */
    HttpResponse dispatchWithoutBlocking(HttpRequest request) {
        try {
            return handler.handleWithoutBlocking(request);
        } catch (Throwable e) {
            return failed(e, request);
        }
    }

    boolean acceptsBody(HttpRequest head) {
        return handler.acceptsBody(head);
    }

    private static HttpResponse nonNull(HttpResponse response, HttpRequest request) {
        if (response == null) {
            throw new IllegalStateException("the handler returned null for " + request.method() + " " + request.path());
        }
        return response;
    }

    private HttpResponse failed(Throwable e, HttpRequest request) {
        if (e instanceof HttpException http) {
            return errorResponse(http.status(), http.getMessage(), http.headers(), request.path());
        }
        // Every failure becomes an answer, a StackOverflowError from a deeply nested document included: a
        // connection closed without one leaves the client guessing. The stack has unwound by now.
        server.reportFailure("a handler failed on " + request.method() + " " + request.path(), e);
        return errorResponse(Status.INTERNAL_SERVER_ERROR, "the server failed to answer this request",
                Headers.empty(), request.path());
    }

    HttpResponse errorResponse(Status status, String message, Headers extra, String path) {
        String safeMessage = message == null || message.isBlank() ? status.reason() : message;
        HttpResponse response = server.renderError(status, safeMessage, path);
        for (int i = 0; i < extra.size(); i++) {
            response = response.withHeader(extra.name(i), extra.value(i));
        }
        return response;
    }

    /** The answer to a request that could not be read (RFC 9112 §9.6: answered, then the connection closes). */
    HttpResponse brokenRequest(HttpException e, RequestLine line) {
        return errorResponse(e.status(), e.getMessage(), e.headers(), pathIfValid(line));
    }

    // A bug of ours while reading a request: still an answer, never a silent close.
    HttpException readerFailed(Throwable e) {
        server.reportFailure("reading a request failed", e);
        return new HttpException(Status.INTERNAL_SERVER_ERROR, "the server failed to read this request");
    }

    static HttpException timeout() {
        return new HttpException(Status.REQUEST_TIMEOUT, "the request was not received in time");
    }

    /** Adds an entry to the access log, built only when the log is on: with it off, nothing is allocated. */
    void log(InetSocketAddress remote, RequestLine line, Headers requestHeaders, Status status, long bodyBytes,
             long startNanos) {
        AccessLogEntry entry = entry(remote, line, requestHeaders, status, bodyBytes, startNanos);
        if (entry != null) {
            server.accessLog().log(entry);
        }
    }

    /** The access log's entry of an answer, or null when the log is off. */
    AccessLogEntry entry(InetSocketAddress remote, RequestLine line, Headers requestHeaders, Status status,
                         long bodyBytes, long startNanos) {
        if (!server.accessLog().enabled()) {
            return null;
        }
        return new AccessLogEntry(Instant.now(), remote, line == null ? null : line.method(),
                line == null ? null : line.target(), line == null ? null : line.version(),
                status.code(), bodyBytes,
                requestHeaders == null ? null : requestHeaders.get("Referer"),
                requestHeaders == null ? null : requestHeaders.get("User-Agent"),
                (System.nanoTime() - startNanos) / 1_000_000.0);
    }

    private static String pathIfValid(RequestLine line) {
        if (line == null) {
            return null;
        }
        try {
            return RequestReader.decodedPath(line);
        } catch (HttpException e) {
            return null;
        }
    }
}
