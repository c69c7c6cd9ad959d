package org.socketlab.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The part of a request that may block, on a worker thread: reading a body (with 100-continue and its
 * deadlines), a handler that blocks, a streaming body. The connection's channel is in blocking mode
 * meanwhile, read through the same input, so bytes the loop had buffered come first; when the answer is
 * out and the connection stays, it goes back to its loop.
 */
final class WorkerExchange {

    /** A request handed over by the loop: its head, and the response if the loop has it already. */
    record Job(RequestHead head, HttpResponse response, long startNanos) {
    }

    private enum Outcome { KEEP_OPEN, CLOSE, DROP }

    private final HttpServer server;
    private final HttpServerConfig config;
    private final Answers answers;
    private final Connection connection;
    private final RequestInput input;
    private ResponseOutput output;
    private ResponseWriter writer;
    // The same, for the watchdog's thread, while a worker writes.
    private volatile ResponseOutput watchedOutput;
    // Whether the last request was read up to its end, so that nothing the client sent is pending.
    private boolean requestReadWhole;

    WorkerExchange(HttpServer server, Connection connection) {
        this.server = server;
        this.config = server.config();
        this.answers = server.answers();
        this.connection = connection;
        this.input = connection.input;
    }

    void run(Job job) {
        Outcome outcome = Outcome.DROP;
        try {
            Socket socket = connection.channel.socket();
            input.useStream(socket.getInputStream(), socket);
            if (output == null) {
                output = new ResponseOutput(socket.getOutputStream());
                writer = new ResponseWriter(output, server.date());
            }
            watchedOutput = output;
            outcome = job.response() != null ? sendStreaming(job) : serve(job.head(), job.startNanos());
            watchedOutput = null;
            if (outcome == Outcome.KEEP_OPEN) {
                connection.returnToLoop();
                return;
            }
        } catch (IOException e) {
            // The client went away or reset the connection: there is no one left to answer.
            outcome = Outcome.DROP;
        } catch (RuntimeException | Error e) {
            server.reportFailure("serving a request failed", e);
            outcome = Outcome.DROP;
        }
        watchedOutput = null;
        close(outcome == Outcome.CLOSE);
    }

    /** A response the loop got from a handler, whose body writer must run here. */
    private Outcome sendStreaming(Job job) throws IOException {
        requestReadWhole = true;
        HttpRequest request = job.head().toRequest(BodyReader.NO_BODY, connection.remote);
        boolean close = server.isStopping() || !request.keepAlive()
                || job.response().headers().containsToken("Connection", "close");
        return send(job.response(), request.isHead(), job.head().line(), job.head().headers(), close, job.startNanos());
    }

    private Outcome serve(RequestHead head, long startNanos) throws IOException {
        HttpRequest request = head.toRequest(BodyReader.NO_BODY, connection.remote);
        RequestLine line = head.line();
        boolean closeAfter = false;
        if (head.hasBody()) {
            if (head.expectsContinue() && !answers.acceptsBody(request)) {
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
                    if (answers.acceptsBody(request)) {
                        request = head.toRequest(connection.reader.readBody(head), connection.remote);
                    } else {
                        // Read through a small buffer and dropped: a large body to a route that takes none
                        // costs no memory.
                        connection.reader.discardBody(head);
                    }
                } catch (HttpException e) {
                    return answerBrokenRequest(e, line, startNanos);
                } catch (SocketTimeoutException e) {
                    return answerBrokenRequest(Answers.timeout(), line, startNanos);
                } catch (RuntimeException | Error e) {
                    return answerBrokenRequest(answers.readerFailed(e), line, startNanos);
                }
            }
        }
        requestReadWhole = !closeAfter;
        HttpResponse response = answers.dispatch(request);
        boolean close = closeAfter || server.isStopping() || !request.keepAlive()
                || response.headers().containsToken("Connection", "close");
        return send(response, request.isHead(), line, head.headers(), close, startNanos);
    }

    /** RFC 9112 §9.6: after a request that could not be read, answer and close. */
    private Outcome answerBrokenRequest(HttpException e, RequestLine line, long startNanos) throws IOException {
        requestReadWhole = false;
        boolean headOnly = line != null && line.method().equals("HEAD");
        return send(answers.brokenRequest(e, line), headOnly, line, null, true, startNanos);
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
            output.discardBuffered();
            outcome = Outcome.DROP;
        }
        answers.log(connection.remote, line, requestHeaders, response.status(), writer.lastBodyBytes(), startNanos);
        return outcome;
    }

    /** When a response write that has not finished began, or 0. */
    long writeStalledSinceNanos() {
        ResponseOutput out = watchedOutput;
        return out == null ? 0 : out.writeSinceNanos();
    }

    private void close(boolean linger) {
        Socket socket = connection.channel.socket();
        if (linger && requestReadWhole && nothingUnread(socket)) {
            // The request was read to its end and the client sent nothing more: closing now sends a FIN,
            // not a reset, so the response is safe without waiting for the client.
            linger = false;
        }
        if (linger && connection.channel.isOpen()) {
            try {
                // RFC 9112 §9.6: half-close first, then read what the client still sends, so that
                // closing with unread data does not reset the connection and destroy the response
                // before the client has read it.
                socket.shutdownOutput();
                socket.setSoTimeout(Connection.LINGER_MILLIS);
                InputStream in = socket.getInputStream();
                byte[] discard = new byte[4096];
                long deadline = System.nanoTime() + Connection.LINGER_MILLIS * 1_000_000L;
                int total = 0;
                int n;
                while (total < Connection.LINGER_BYTES && System.nanoTime() < deadline
                        && (n = in.read(discard)) >= 0) {
                    total += n;
                }
            } catch (IOException e) {
                // Timed out or reset: either way the connection is done.
            }
        }
        connection.closeNow();
    }

    private boolean nothingUnread(Socket socket) {
        try {
            return !input.hasBufferedBytes() && socket.getInputStream().available() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
