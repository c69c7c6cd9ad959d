package org.socketlab.server.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection, owned by a {@link ConnectionLoop}: its heads are read and parsed on the loop, and
 * a response the handler gives without blocking is written from the loop with non-blocking writes, the
 * rest kept until the socket takes it (pipelined requests wait, so answers leave in order). A request
 * with a body, or one the handler can only answer by blocking, is handed with its connection to a
 * worker thread ({@link WorkerExchange}), which gives the connection back to the loop when it is done.
 */
final class Connection {

    /** After a response that closes, the longest we read and discard what the client still sends. */
    static final int LINGER_MILLIS = 1_000;
    static final int LINGER_BYTES = 64 * 1024;
    static final int IDLE = 0;
    static final int BUSY = 1;
    static final int WORKER = 2;
    static final int LINGER = 3;
    static final int CLOSED = 4;

    private final HttpServer server;
    private final HttpServerConfig config;
    private final Answers answers;
    final ConnectionLoop loop;
    final SocketChannel channel;
    final InetSocketAddress remote;
    final RequestInput input = RequestInput.forLoop();
    final RequestReader reader;
    // IDLE ↔ BUSY on the loop; other threads only take IDLE → CLOSED (to make room, on stop) or force CLOSED.
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private volatile long idleSinceNanos;
    private SelectionKey key;
    private int interest;
    // Where the loop's sweep list holds it, -1 when it does not; the loop's thread only.
    int loopSlot = -1;
    private final IncomingHead incoming;
    // Output the socket did not take yet, and since when it has made no progress (for the watchdog).
    private final PendingOutput pending = new PendingOutput();
    private boolean closeAfterWrite;
    private boolean requestReadWhole;
    private long lingerUntilNanos;
    private int lingerBytes;
    private volatile WorkerExchange worker;

    Connection(HttpServer server, ConnectionLoop loop, SocketChannel channel, InetSocketAddress remote) {
        this.server = server;
        this.config = server.config();
        this.answers = server.answers();
        this.loop = loop;
        this.channel = channel;
        this.remote = remote;
        this.reader = new RequestReader(input, config, server.recentStrings());
        this.incoming = new IncomingHead(input, reader);
        // Idle from the start: a connection that has sent nothing yet gives way first when slots run short.
        this.idleSinceNanos = System.nanoTime();
    }

    /** On the loop, once registered with its selector: a new connection, or one back from a worker. */
    void registered(SelectionKey newKey) {
        key = newKey;
        interest = SelectionKey.OP_READ;
        int now = state.get();
        if (now == CLOSED) {
            closeNow();
        } else if (now == BUSY) {
            serveBuffered();
        }
    }

    /**
     * Runs one of the loop's calls with the loop's read buffer lent to the input, and gives it back after
     * (keeping what is left, and a buffer of its own for a worker).
     */
    void withLoopBuffer(Runnable call) {
        byte[] loopBuffer = loop.readBuffer();
        input.borrow(loopBuffer);
        try {
            call.run();
        } finally {
            input.keepOwnBytes(loopBuffer, isOnWorker());
        }
    }

    void onReadable() {
        int now = state.get();
        if (now == LINGER) {
            discardLingering();
            return;
        }
        if (now == IDLE ? !state.compareAndSet(IDLE, BUSY) : now != BUSY) {
            return;
        }
        try {
            int n = input.readFrom(channel);
            if (n < 0) {
                // The client closed; inside a head there is no one left to answer either.
                closeNow();
            } else if (n > 0 || input.hasBufferedBytes()) {
                serveBuffered();
            } else {
                becomeIdle();
            }
        } catch (IOException e) {
            closeNow();
        }
    }

    /** Serves the requests buffered, in order, while their answers leave at once. */
    private void serveBuffered() {
        while (pending.isEmpty() && input.hasBufferedBytes()) {
            RequestHead head;
            try {
                head = incoming.tryParse();
            } catch (HttpException e) {
                answerBrokenRequest(e, incoming.line());
                return;
            } catch (RuntimeException | Error e) {
                answerBrokenRequest(answers.readerFailed(e), incoming.line());
                return;
            }
            if (head == null) {
                return;
            }
            long startNanos = incoming.finish();
            HttpRequest request = head.toRequest(BodyReader.NO_BODY, remote);
            HttpResponse response = head.hasBody() ? null : answers.dispatchWithoutBlocking(request);
            if (response == null || response.isStreaming()) {
                // A body to read, a handler that may block, or a body writer to run: a worker's job.
                handOff(new WorkerExchange.Job(head, response, startNanos));
                return;
            }
            requestReadWhole = true;
            boolean close = server.isStopping() || !request.keepAlive()
                    || response.headers().containsToken("Connection", "close");
            if (!send(response, request.isHead(), head.line(), head.headers(), close, startNanos)) {
                return;
            }
        }
        if (pending.isEmpty()) {
            if (input.hasBufferedBytes()) {
                setInterest(SelectionKey.OP_READ);
            } else {
                becomeIdle();
            }
        }
    }

    /** RFC 9112 §9.6: after a request that could not be read, answer and close. */
    private void answerBrokenRequest(HttpException e, RequestLine line) {
        long startNanos = incoming.finish();
        requestReadWhole = false;
        boolean headOnly = line != null && line.method().equals("HEAD");
        send(answers.brokenRequest(e, line), headOnly, line, null, true, startNanos);
    }

    /** @return whether the connection stays open with nothing pending, so that the next request may follow */
    private boolean send(HttpResponse response, boolean headOnly, RequestLine line, Headers requestHeaders,
                         boolean close, long startNanos) {
        boolean http11 = line == null || line.isHttp11();
        ResponseWriter writer = loop.writerFor(this);
        boolean closing;
        try {
            closing = writer.write(response, headOnly, http11, close);
        } catch (IOException | RuntimeException e) {
            // The client reset the connection (a fixed body runs no code of anyone's).
            loop.discardUnsent();
            closeNow();
            return false;
        }
        AccessLogEntry entry = answers.entry(remote, line, requestHeaders, response.status(),
                writer.lastBodyBytes(), startNanos);
        if (entry != null) {
            loop.log(entry);
        }
        closeAfterWrite = closing;
        if (!pending.isEmpty()) {
            setInterest(SelectionKey.OP_WRITE);
            return false;
        }
        if (closing) {
            finishClosing();
            return false;
        }
        return true;
    }

    /** Called by the loop's output with bytes of a response: written now as far as the socket takes them. */
    void writeOrKeep(ByteBuffer buffer) throws IOException {
        pending.writeOrKeep(channel, buffer);
    }

    void onWritable() {
        if (pending.isEmpty() || state.get() != BUSY) {
            return;
        }
        try {
            if (!pending.writeTo(channel)) {
                return;
            }
        } catch (IOException e) {
            closeNow();
            return;
        }
        if (closeAfterWrite) {
            finishClosing();
        } else {
            setInterest(SelectionKey.OP_READ);
            serveBuffered();
        }
    }

    private void finishClosing() {
        // The request was read to its end and the client sent nothing more: closing now sends a FIN, not a
        // reset, so the response is safe without waiting for the client (nginx's lingering_close does the
        // same).
        if (requestReadWhole && !input.hasBufferedBytes() && nothingMoreSent()) {
            closeNow();
            return;
        }
        try {
            // RFC 9112 §9.6: half-close first, then read what the client still sends, so that closing with
            // unread data does not reset the connection and destroy the response before it was read.
            channel.shutdownOutput();
        } catch (IOException e) {
            closeNow();
            return;
        }
        if (!state.compareAndSet(BUSY, LINGER)) {
            return;
        }
        lingerUntilNanos = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
        lingerBytes = 0;
        input.clear();
        setInterest(SelectionKey.OP_READ);
    }

    private boolean nothingMoreSent() {
        try {
            return input.readFrom(channel) <= 0;
        } catch (IOException e) {
            return true;
        }
    }

    private void discardLingering() {
        input.clear();
        try {
            int n = input.readFrom(channel);
            lingerBytes += Math.max(n, 0);
            if (n < 0 || lingerBytes >= LINGER_BYTES) {
                closeNow();
            }
        } catch (IOException e) {
            closeNow();
        } finally {
            input.clear();
        }
    }

    private void becomeIdle() {
        incoming.finish();
        idleSinceNanos = System.nanoTime();
        if (!state.compareAndSet(BUSY, IDLE)) {
            // Closed meanwhile by another thread (a stop's end, the watchdog).
            return;
        }
        setInterest(SelectionKey.OP_READ);
        // Read after writing IDLE, so that stop() either sees this connection idle or this thread sees
        // stop() (both fields are volatile).
        if (server.isStopping()) {
            closeIfIdle();
        }
    }

    private void handOff(WorkerExchange.Job job) {
        if (!state.compareAndSet(BUSY, WORKER)) {
            return;
        }
        key.cancel();
        key = null;
        if (worker == null) {
            worker = new WorkerExchange(server, this);
        }
        loop.handOff(this, () -> worker.run(job));
    }

    /** On a worker, when its request is done and the connection stays: back to the loop. */
    void returnToLoop() throws IOException {
        channel.configureBlocking(false);
        input.useLoop();
        if (!state.compareAndSet(WORKER, BUSY)) {
            throw new ClosedChannelException();
        }
        loop.adopt(this);
    }

    /**
     * On the loop: closes the connection if a deadline passed (head, idle, lingering close).
     *
     * @return false if it no longer belongs to the loop's list (closed, or on a worker)
     */
    boolean sweep(long nowNanos) {
        switch (state.get()) {
            case IDLE:
                if (nowNanos - idleSinceNanos > config.idleTimeoutMillis() * 1_000_000L) {
                    closeIfIdle();
                }
                break;
            case BUSY:
                long headStart = incoming.startNanos();
                if (headStart != 0 && pending.isEmpty()
                        && nowNanos - headStart > config.readTimeoutMillis() * 1_000_000L) {
                    answerBrokenRequest(Answers.timeout(), incoming.lineIfHere());
                }
                break;
            case LINGER:
                if (nowNanos - lingerUntilNanos > 0) {
                    closeNow();
                }
                break;
            default:
                break;
        }
        int now = state.get();
        return now != CLOSED && now != WORKER;
    }

    private void setInterest(int ops) {
        if (key != null && interest != ops) {
            key.interestOps(ops);
            interest = ops;
        }
    }

    /**
     * Closes the connection if it waits for a next request; called by a stopping server, to make room,
     * and at the idle time-out. Any thread.
     *
     * @return whether it was idle and is now closed
     */
    boolean closeIfIdle() {
        if (!state.compareAndSet(IDLE, CLOSED)) {
            return false;
        }
        closeChannel();
        return true;
    }

    /** Closes the connection whatever it is doing; a stop's grace is over, or a write stalled. Any thread. */
    void forceClose() {
        state.set(CLOSED);
        closeChannel();
    }

    /** Closes on the connection's own thread (loop or worker). */
    void closeNow() {
        forceClose();
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing more can be done about a socket that fails to close.
        }
        server.connectionClosed(this);
        loop.forget(this);
        // A registered channel is closed for good when its selector next looks: wake it for that.
        loop.wakeupIfOtherThread();
    }

    boolean isOnWorker() {
        return state.get() == WORKER;
    }

    boolean isIdle() {
        return state.get() == IDLE;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    InetAddress client() {
        return remote.getAddress();
    }

    /** When a response write that has made no progress began, or 0; see {@link WriteWatchdog}. */
    long writeStalledSinceNanos() {
        long loopSince = pending.stalledSinceNanos();
        if (loopSince != 0) {
            return loopSince;
        }
        WorkerExchange onWorker = worker;
        return onWorker == null ? 0 : onWorker.writeStalledSinceNanos();
    }
}
