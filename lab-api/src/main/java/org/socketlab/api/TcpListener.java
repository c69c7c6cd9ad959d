package org.socketlab.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.socketlab.api.transcript.EventKind;
import org.socketlab.engine.ConnectionIds;
import org.socketlab.engine.Endpoints;
import org.socketlab.engine.Failures;
import org.socketlab.engine.RecordingContext;
import org.socketlab.engine.Wire;

/**
 * A listening TCP socket on 127.0.0.1 that records every accept and its close. Open one with
 * {@link Actor#listen()}. Accepting from several threads at once is allowed.
 *
 * <p>An accepted connection has the same {@code conn} id as the lab socket that connected, if one did;
 * a client outside the lab (a student's own program, {@code curl}, a browser) gets a new id, and its
 * events carry the name given with {@link #namePeers(String)}.
 */
public final class TcpListener implements AutoCloseable {
    private final Actor actor;
    private final RecordingContext context;
    private final ServerSocket server;
    private final String local;
    private volatile int timeoutMillis;
    private volatile String peerName;
    private volatile boolean labClientsOnly;
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
     * Names the clients outside the lab that this socket accepts ("Your client"): the events of their
     * connections carry it as {@code peer}, and the page draws them on a lane of that name. Connections
     * from lab sockets are not affected. Applies to connections accepted afterwards.
     *
     * @param name the name, not blank; {@code null} to stop naming them
     * @since 1.1
     */
    public void namePeers(String name) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("a peer needs a name");
        }
        this.peerName = name;
    }

    /**
     * Serves only the lab's own clients from now on: a connection that no socket of this run made (a port
     * scan of the machine, another program that found the port) is closed as soon as it is accepted,
     * recorded as a note, and {@link #accept()} waits on for a lab client within the same time-out. For a
     * reference server whose clients are all lab actors, so that a stranger cannot take the place of the
     * client the lesson is about. Do not use it on a socket that waits for a student's own program.
     *
     * @since 1.1
     */
    public void acceptOnlyLabClients() {
        this.labClientsOnly = true;
    }

    /**
     * Waits for a client and returns the connection, owned by the same actor; records {@code accept}.
     *
     * @return the accepted connection
     * @throws SocketTimeoutException if no client came within the time-out (recorded as an error)
     * @throws IOException            if the socket was closed or failed (recorded as an error)
     */
    public TcpConnection accept() throws IOException {
        return accept(actor);
    }

    /**
     * Like {@link #accept()}, but the connection belongs to the actor named {@code actorName}: a server
     * that serves each client on a thread of its own can give each connection its own lane ("Server
     * thread 1"). The accept and everything the connection does are recorded under that actor.
     *
     * @param actorName the name of the actor that will own the connection, created on first use
     * @return the accepted connection
     * @throws SocketTimeoutException if no client came within the time-out (recorded as an error)
     * @throws IOException            if the socket was closed or failed (recorded as an error)
     * @since 1.1
     */
    public TcpConnection accept(String actorName) throws IOException {
        return accept(context.actor(actorName));
    }

    private TcpConnection accept(Actor owner) throws IOException {
        int limit = timeoutMillis;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit);
        Socket socket = acceptWithin(limit, limit);
        while (labClientsOnly && !context.connectionIds().fromLab(
                (InetSocketAddress) socket.getRemoteSocketAddress(), (InetSocketAddress) socket.getLocalSocketAddress())) {
            context.note(local + " closed a connection from "
                    + Endpoints.format(socket.getRemoteSocketAddress()) + " that no socket of this run made, "
                    + "and waits on for the lab's client");
            context.close(socket);
            // 0 means no time-out; otherwise what is left of it, at least 1 ms (0 would mean forever).
            int left = limit == 0 ? 0
                    : (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            socket = acceptWithin(left, limit);
        }
        ConnectionIds.Accepted accepted = context.connectionIds().accepted(
                (InetSocketAddress) socket.getRemoteSocketAddress(), (InetSocketAddress) socket.getLocalSocketAddress());
        String peer = accepted.peerInLab() ? null : peerName;
        TcpConnection connection = new TcpConnection(owner, context, socket, accepted.conn(), peer);
        context.recorder().socketEvent(owner.name(), EventKind.ACCEPT,
                Wire.tcp(connection.local(), connection.remote(), accepted.conn(), peer));
        return connection;
    }

    private Socket acceptWithin(int millis, int limit) throws IOException {
        try {
            server.setSoTimeout(millis);
            Socket socket = server.accept();
            context.register(socket);
            return socket;
        } catch (IOException e) {
            IOException failure = Failures.clearer(e, "accept", limit);
            if (!closed) {
                context.recorder().failure(actor.name(), "tcp", local, null, failure, Failures.describe(failure));
            }
            throw failure;
        }
    }

    /** Stops listening; records {@code close}. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.close(server);
        context.recorder().socketEvent(actor.name(), EventKind.CLOSE, Wire.tcp(local, null, null, null));
    }
}
