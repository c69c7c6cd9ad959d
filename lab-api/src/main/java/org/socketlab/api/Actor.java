package org.socketlab.api;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import org.socketlab.api.transcript.EventKind;
import org.socketlab.engine.Endpoints;
import org.socketlab.engine.Failures;
import org.socketlab.engine.ProgramLine;
import org.socketlab.engine.RecordingContext;
import org.socketlab.engine.Wire;

/**
 * One participant of a run ("Alice", "Bob's server"): the lane its sockets and console lines appear on.
 * Every socket an actor opens records what it does under the actor's name. Get actors from
 * {@link RunContext#actor(String)}; thread-safe.
 *
 * <p>Servers bind to 127.0.0.1 only. Clients reach the hosts the run's {@link TargetPolicy} allows.
 */
public final class Actor {
    private static final int BACKLOG = 50;

    private final String name;
    private final RecordingContext context;

    Actor(String name, RecordingContext context) {
        this.name = name;
        this.context = context;
    }

    /** @return the actor's name */
    public String name() {
        return name;
    }

    /**
     * Says which line of which program the actor is executing: every event it records from now on (a send,
     * a recv, a printed line, an error) names that line, and the page highlights it when the event is
     * selected. Call it just before the operation that the line performs:
     * {@code bob.at(SERVER, SERVER.lineOf("recv(8)")); connection.recv(8);}
     *
     * @param program one of the programs the case declares in {@link CaseInfo#programs()}
     * @param line    the line number in {@code program}, from 1
     * @return this actor, to chain the operation
     * @throws IllegalArgumentException when the line is not in the program
     * @since 1.1
     */
    public Actor at(Program program, int line) {
        if (line < 1 || line > program.lines().size()) {
            throw new IllegalArgumentException(program.file() + " has no line " + line);
        }
        context.at(name, new ProgramLine(program.file(), line));
        return this;
    }

    /**
     * Like {@link #at(Program, int)} for the line that contains {@code fragment}.
     *
     * @param program  one of the case's programs
     * @param fragment text found on exactly one line of it, e.g. {@code "conn.recv(8)"}
     * @return this actor
     * @throws IllegalArgumentException when no line or several lines contain it
     * @since 1.1
     */
    public Actor at(Program program, String fragment) {
        return at(program, program.lineOf(fragment));
    }

    /**
     * Prints a console line, as the handout's program would: it goes to the transcript's {@code output}.
     *
     * @param line the text, without a line break
     */
    public void print(String line) {
        context.recorder().message(name, EventKind.OUTPUT, line);
    }

    /** @param text an explanation attached to this actor's lane */
    public void note(String text) {
        context.recorder().message(name, EventKind.NOTE, text);
    }

    /**
     * Opens a TCP server socket on 127.0.0.1 at a port the system picks; records {@code listen}.
     *
     * @return the listening socket
     * @throws IOException if it cannot bind
     */
    public TcpListener listen() throws IOException {
        return listen(0);
    }

    /**
     * Opens a TCP server socket on 127.0.0.1; records {@code listen}, or an error when the port is taken.
     *
     * @param port the port, or 0 for any free one
     * @return the listening socket
     * @throws IOException if it cannot bind (for instance, the port is in use)
     */
    public TcpListener listen(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (IOException e) {
            server.close();
            context.recorder().failure(name, "tcp", Endpoints.format("127.0.0.1", port), null, e,
                    "bind failed: " + Failures.describe(e));
            throw e;
        }
        TcpListener listener = new TcpListener(this, context, server);
        context.recorder().socketEvent(name, EventKind.LISTEN, Wire.tcp(listener.local(), null, null, null));
        return listener;
    }

    /**
     * Connects to {@code host:port} with the run's default time-out.
     *
     * @param host a host the run's policy allows
     * @param port the port, 1 to 65535
     * @return the connection
     * @throws IOException as {@link #connect(String, int, Duration)} says
     * @see #connect(String, int, Duration)
     */
    public TcpConnection connect(String host, int port) throws IOException {
        return connect(host, port, context.ioTimeout());
    }

    /**
     * Connects to {@code host:port}; records {@code connect}, or an error (refused, timed out, unknown
     * host) before throwing it.
     *
     * @param host    a host the run's policy allows ({@code localhost}, {@code 127.0.0.1}, …)
     * @param port    the port, 1 to 65535
     * @param timeout how long to wait for the connection
     * @return the connection
     * @throws java.net.ConnectException       if refused
     * @throws java.net.SocketTimeoutException if it timed out
     * @throws java.net.UnknownHostException   if the host name is invalid
     * @throws TargetNotAllowedException       if the policy forbids the host
     * @throws IOException                     for other failures
     */
    public TcpConnection connect(String host, int port, Duration timeout) throws IOException {
        String target = Endpoints.format(host, port);
        InetAddress address = context.resolve(this, "tcp", host, port, target);
        InetSocketAddress server = new InetSocketAddress(address, port);
        Socket socket = new Socket();
        context.register(socket);
        int timeoutMillis = context.millis(timeout);
        long started = System.nanoTime();
        int clientPort = -1;
        int conn;
        try {
            // Bound before connecting, so the connection is registered before a lab listener can accept it.
            socket.bind(new InetSocketAddress(0));
            clientPort = socket.getLocalPort();
            conn = context.connectionIds().connecting(clientPort, server);
            socket.connect(server, timeoutMillis);
        } catch (IOException e) {
            context.close(socket);
            if (clientPort > 0) {
                context.connectionIds().connectFailed(clientPort, server);
            }
            IOException failure = Failures.clearer(e, "connect", timeoutMillis);
            context.recorder().failure(name, "tcp", null, Endpoints.format(address, port), failure,
                    Failures.describe(failure));
            throw failure;
        }
        TcpConnection connection = new TcpConnection(this, context, socket, conn, null);
        context.recorder().stampedEvent(started, name, EventKind.CONNECT,
                Wire.tcp(connection.local(), connection.remote(), conn, null), null, null, null);
        return connection;
    }

    /**
     * Opens a UDP socket on 127.0.0.1 at a port the system picks, as a client does before its first
     * send; records nothing until it is used.
     *
     * @return the socket
     * @throws IOException if it cannot bind
     */
    public UdpEndpoint udp() throws IOException {
        return openUdp(0, false);
    }

    /**
     * Binds a UDP socket on 127.0.0.1, as a UDP server does; records {@code listen}.
     *
     * @param port the port, or 0 for any free one
     * @return the socket
     * @throws IOException if it cannot bind (for instance, the port is in use)
     */
    public UdpEndpoint bindUdp(int port) throws IOException {
        return openUdp(port, true);
    }

    private UdpEndpoint openUdp(int port, boolean server) throws IOException {
        DatagramSocket socket;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            context.recorder().failure(name, "udp", Endpoints.format("127.0.0.1", port), null, e,
                    "bind failed: " + Failures.describe(e));
            throw e;
        }
        UdpEndpoint endpoint = new UdpEndpoint(this, context, socket);
        if (server) {
            context.recorder().socketEvent(name, EventKind.LISTEN,
                    new Wire("udp", endpoint.local(), null, endpoint.conn(), null));
        }
        return endpoint;
    }

    @Override
    public String toString() {
        return name;
    }
}
