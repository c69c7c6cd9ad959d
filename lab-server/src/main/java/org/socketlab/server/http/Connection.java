package org.socketlab.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;

/**
 * One client connection, served on its own thread: read a request, answer it, repeat while
 * both sides keep the connection. The one place where failures become responses.
 */
final class Connection implements Runnable {

    /** After a response that closes, the longest we read and discard what the client still sends. */
    static final int LINGER_MILLIS = 1_000;
    private static final int LINGER_BYTES = 64 * 1024;

    private final HttpServer server;
    private final HttpServerConfig config;
    private final Socket socket;
    private final InetSocketAddress remote;
    private volatile boolean idle;
    // Whether the last request was read up to its end, so that nothing the client sent is pending.
    private boolean requestReadWhole;
    private volatile long idleSinceNanos;
    private RequestInput input;
    private ResponseOutput output;
    // The same, for the watchdog's thread.
    private volatile ResponseOutput watchedOutput;
    private ResponseWriter writer;
    private RequestReader reader;

    Connection(HttpServer server, Socket socket) {
        this.server = server;
        this.config = server.config();
        this.socket = socket;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        // Idle from the start: a connection that has sent nothing yet gives way first when slots run short.
        this.idleSinceNanos = System.nanoTime();
        this.idle = true;
    }

    @Override
    public void run() {
        boolean linger = false;
        try {
            socket.setTcpNoDelay(true);
            input = new RequestInput(socket.getInputStream(), socket);
            output = new ResponseOutput(socket.getOutputStream());
            watchedOutput = output;
            writer = new ResponseWriter(output, server.date());
            reader = new RequestReader(input, config);
            Outcome outcome = Outcome.KEEP_OPEN;
            while (outcome == Outcome.KEEP_OPEN && awaitRequest()) {
                outcome = serveOne();
            }
            linger = outcome == Outcome.CLOSE;
        } catch (IOException e) {
            // The client went away or reset the connection: there is no one left to answer.
        } finally {
            close(linger);
            server.connectionClosed(this);
        }
    }

    private enum Outcome { KEEP_OPEN, CLOSE, DROP }

    private boolean awaitRequest() throws IOException {
        if (input.hasBufferedBytes()) {
            // A pipelined request is already here: serve it, even while stopping.
            return true;
        }
        idleSinceNanos = System.nanoTime();
        idle = true;
        // Read after writing idle, so that stop() either sees this connection idle or this
        // thread sees stop() (both fields are volatile).
        if (server.isStopping()) {
            return false;
        }
        boolean arrived = input.awaitRequest(config.idleTimeoutMillis());
        idle = false;
        return arrived;
    }

    private Outcome serveOne() throws IOException {
        long startNanos = System.nanoTime();
        input.startDeadline(config.readTimeoutMillis());
        RequestLine line = null;
        RequestHead head;
        try {
            line = reader.readRequestLine();
            if (line == null) {
                return Outcome.DROP;
            }
            head = reader.readHead(line);
        } catch (HttpException e) {
            return answerBrokenRequest(e, line, startNanos);
        } catch (SocketTimeoutException e) {
            return answerBrokenRequest(timeout(), line, startNanos);
        } catch (RuntimeException | Error e) {
            return answerBrokenRequest(readerFailed(e), line, startNanos);
        }

        HttpRequest request = head.toRequest(BodyReader.NO_BODY, remote);
        boolean closeAfter = false;
        if (head.hasBody()) {
            if (head.expectsContinue() && !server.handler().acceptsBody(request)) {
                // RFC 9110 §10.1.1: answer without inviting the body; the client may send it
                // anyway or not, so the connection cannot be reused.
                closeAfter = true;
            } else {
                if (head.expectsContinue()) {
                    writer.writeContinue();
                }
                // A total deadline, stretched by the body's length at the minimum rate: a client that drips
                // a byte now and then cannot hold the connection for longer (the per-read time-out still applies).
                input.startBodyDeadline(config.readTimeoutMillis(), config.minBodyBytesPerSecond());
                try {
                    if (server.handler().acceptsBody(request)) {
                        request = head.toRequest(reader.readBody(head), remote);
                    } else {
                        // Read through a small buffer and dropped: a large body to a route that takes none
                        // costs no memory.
                        reader.discardBody(head);
                    }
                } catch (HttpException e) {
                    return answerBrokenRequest(e, line, startNanos);
                } catch (SocketTimeoutException e) {
                    return answerBrokenRequest(timeout(), line, startNanos);
                } catch (RuntimeException | Error e) {
                    return answerBrokenRequest(readerFailed(e), line, startNanos);
                }
            }
        }

        requestReadWhole = !closeAfter;
        HttpResponse response = dispatch(request);
        boolean close = closeAfter || server.isStopping() || !request.keepAlive()
                || response.headers().containsToken("Connection", "close");
        return send(response, request.isHead(), head.line(), head.headers(), close, startNanos);
    }

    private HttpResponse dispatch(HttpRequest request) {
        try {
            HttpResponse response = server.handler().handle(request);
            if (response == null) {
                throw new IllegalStateException("the handler returned null for " + request.method() + " " + request.path());
            }
            return response;
        } catch (HttpException e) {
            return errorResponse(e.status(), e.getMessage(), e.headers(), request.path());
        } catch (Throwable e) {
            // Every failure becomes an answer, a StackOverflowError from a deeply nested document included: a
            // connection closed without one leaves the client guessing. The stack has unwound by now.
            server.reportFailure("a handler failed on " + request.method() + " " + request.path(), e);
            return errorResponse(Status.INTERNAL_SERVER_ERROR, "the server failed to answer this request",
                    Headers.empty(), request.path());
        }
    }

    /** RFC 9112 §9.6: after a request that could not be read, answer and close. */
    private Outcome answerBrokenRequest(HttpException e, RequestLine line, long startNanos)
            throws IOException {
        requestReadWhole = false;
        HttpResponse response = errorResponse(e.status(), e.getMessage(), e.headers(), pathIfValid(line));
        boolean headOnly = line != null && line.method().equals("HEAD");
        return send(response, headOnly, line, null, true, startNanos);
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

    private HttpResponse errorResponse(Status status, String message, Headers extra, String path) {
        String safeMessage = message == null || message.isBlank() ? status.reason() : message;
        HttpResponse response = server.renderError(status, safeMessage, path);
        for (int i = 0; i < extra.size(); i++) {
            response = response.withHeader(extra.name(i), extra.value(i));
        }
        return response;
    }

    private Outcome send(HttpResponse response, boolean headOnly, RequestLine line, Headers requestHeaders,
                         boolean close, long startNanos) throws IOException {
        boolean http11 = line == null || line.isHttp11();
        Outcome outcome;
        try {
            outcome = writer.write(response, headOnly, http11, close) ? Outcome.CLOSE : Outcome.KEEP_OPEN;
        } catch (RuntimeException e) {
            // Only a streaming body runs code while writing; its head is out, so all that is left
            // is to cut the connection, which tells the client the body is incomplete.
            server.reportFailure("a streaming response body failed", e);
            outcome = Outcome.DROP;
        }
        AccessLog log = server.accessLog();
        if (log.enabled()) {
            // Built only when wanted: with the log off, a request allocates nothing for it.
            log.log(new AccessLogEntry(Instant.now(), remote, line == null ? null : line.method(),
                    line == null ? null : line.target(), line == null ? null : line.version(),
                    response.status().code(), writer.lastBodyBytes(),
                    requestHeaders == null ? null : requestHeaders.get("Referer"),
                    requestHeaders == null ? null : requestHeaders.get("User-Agent"),
                    (System.nanoTime() - startNanos) / 1_000_000.0));
        }
        return outcome;
    }

    // A bug of ours while reading a request: still an answer, never a silent close.
    private HttpException readerFailed(Throwable e) {
        server.reportFailure("reading a request failed", e);
        return new HttpException(Status.INTERNAL_SERVER_ERROR, "the server failed to read this request");
    }

    private static HttpException timeout() {
        return new HttpException(Status.REQUEST_TIMEOUT, "the request was not received in time");
    }

    /**
     * Closes the connection if it waits for a next request; called by a stopping server, and to make room.
     *
     * @return whether it was idle and is now closed
     */
    boolean closeIfIdle() {
        if (idle) {
            closeSocket();
            return true;
        }
        return false;
    }

    boolean isIdle() {
        return idle;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    InetAddress client() {
        return remote.getAddress();
    }

    /** When a response write that has not finished began, or 0; see {@link WriteWatchdog}. */
    long writeStalledSinceNanos() {
        ResponseOutput out = watchedOutput;
        return out == null ? 0 : out.writeSinceNanos();
    }

    /** Closes the connection whatever it is doing; called when the grace period of a stop is over. */
    void forceClose() {
        closeSocket();
    }

    private void close(boolean linger) {
        if (linger && requestReadWhole && nothingUnread()) {
            // The request was read to its end and the client sent nothing more: closing now sends a
            // FIN, not a reset, so the response is safe without waiting for the client (nginx's
            // lingering_close does the same). On the Connection: close path, the wait cost a thread
            // wake-up and a read per connection.
            linger = false;
        }
        if (linger && !socket.isClosed()) {
            try {
                // RFC 9112 §9.6: half-close first, then read what the client still sends, so that
                // closing with unread data does not reset the connection and destroy the response
                // before the client has read it.
                socket.shutdownOutput();
                socket.setSoTimeout(LINGER_MILLIS);
                InputStream in = socket.getInputStream();
                byte[] discard = new byte[4096];
                long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
                int total = 0;
                int n;
                while (total < LINGER_BYTES && System.nanoTime() < deadline && (n = in.read(discard)) >= 0) {
                    total += n;
                }
            } catch (IOException e) {
                // Timed out or reset: either way the connection is done.
            }
        }
        closeSocket();
    }

    private boolean nothingUnread() {
        try {
            return !input.hasBufferedBytes() && socket.getInputStream().available() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more can be done about a socket that fails to close.
        }
    }
}
