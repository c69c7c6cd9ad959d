package org.socketlab.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.socketlab.api.transcript.EventKind;

/**
 * A listening TCP socket on 127.0.0.1 that records every accept and its close. Open one with
 * {@link Actor#listen()}. Accepting from several threads at once is allowed.
 */
public final class TcpListener implements AutoCloseable {
    private final Actor actor;
    private final RecordingContext context;
    private final ServerSocket server;
    private final String local;
    private volatile int timeoutMillis;
    private volatile boolean closed;

    TcpListener(Actor actor, RecordingContext context, ServerSocket server) {
        this.actor = actor;
        this.context = context;
        this.server = server;
        this.local = Endpoints.format(server.getLocalSocketAddress());
        this.timeoutMillis = context.millis(context.ioTimeout());
        context.register(server);
    }

    /** @return the port it listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return its address, {@code 127.0.0.1:port} */
    public String local() {
        return local;
    }

    /** @return the actor that owns it */
    public Actor actor() {
        return actor;
    }

    /**
     * Sets how long {@link #accept()} waits for a client.
     *
     * @param timeout a positive duration
     */
    public void setTimeout(Duration timeout) {
        this.timeoutMillis = context.millis(timeout);
    }

    /**
     * Waits for a client and returns the connection, owned by the same actor; records {@code accept}.
     *
     * @return the accepted connection
     * @throws SocketTimeoutException if no client came within the time-out (recorded as an error)
     * @throws IOException            if the socket was closed or failed (recorded as an error)
     */
    public TcpConnection accept() throws IOException {
        Socket socket;
        try {
            server.setSoTimeout(timeoutMillis);
            socket = server.accept();
        } catch (IOException e) {
            IOException failure = Failures.clearer(e, "accept", timeoutMillis);
            if (!closed) {
                context.recorder().failure(actor.name(), "tcp", local, null, failure, Failures.describe(failure));
            }
            throw failure;
        }
        context.register(socket);
        TcpConnection connection = new TcpConnection(actor, context, socket);
        context.recorder().socketEvent(actor.name(), EventKind.ACCEPT, "tcp", connection.local(),
                connection.remote(), null, null);
        return connection;
    }

    /** Stops listening; records {@code close}. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.close(server);
        context.recorder().socketEvent(actor.name(), EventKind.CLOSE, "tcp", local, null, null, null);
    }
}
