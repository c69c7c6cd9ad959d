package org.socketlab.cases.support;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.socketlab.api.Actor;
import org.socketlab.api.Datagram;
import org.socketlab.api.HostPort;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.Param;
import org.socketlab.api.Params;
import org.socketlab.api.RunContext;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.api.UdpEndpoint;

/**
 * Who plays which side in a case whose handout has a server program. By default the lab runs its reference
 * server and its own client. With {@code target} the lab's client tests the student's server instead; with
 * {@code listenPort} the reference server waits on that port for the student's own client (the handout's
 * {@code client.py}, curl, nc, a browser) and the lab's client does not run. Every such case declares its
 * {@code target} with {@link #target(String)} next to {@link #LISTEN_PORT} and {@link #LIVE_SECONDS}; the lab
 * parses their text once, before the run, and the case reads the mode with {@link #of(Params, Param)}.
 */
public final class ServerMode {
    /** The name of the student's client in the transcript. */
    public static final String YOUR_CLIENT = "Your client";
    private static final int DEFAULT_LIVE_SECONDS = 60;
    private static final int MAX_LIVE_SECONDS = 600;
    /** The highest port: the field is 16 bits wide (RFC 9293 §3.1). */
    private static final int MAX_PORT = 65_535;

    /** The port where the reference server waits for the student's client; empty: the lab's client runs. */
    public static final Param<Optional<Integer>> LISTEN_PORT = Param.optional("listenPort", "Port where the lab's "
            + "server waits for your own client (0: any free port); empty: the lab's client runs", ServerMode::port);
    /** How long the reference server waits for the student's client. */
    public static final Param<Integer> LIVE_SECONDS = Param.integer("liveSeconds", DEFAULT_LIVE_SECONDS, 1,
            MAX_LIVE_SECONDS, "How long the lab's server waits for your client when listenPort is set");

    private final HostPort target;
    private final Integer listenPort;
    private final Duration liveTime;
    private final long liveUntilNanos;
    /** How many connections or datagrams of the student's client the reference server got, in live mode. */
    private final AtomicInteger came = new AtomicInteger();

    private ServerMode(HostPort target, Integer listenPort, Duration liveTime) {
        this.target = target;
        this.listenPort = listenPort;
        this.liveTime = liveTime;
        this.liveUntilNanos = System.nanoTime() + liveTime.toNanos();
    }

    /**
     * @param yourServer what the student's server is, for the description ("TCP uppercase server")
     * @return the {@code target} parameter: the {@code host:port} of the student's server, empty for the
     *         reference server; declare it once per case, in a {@code static final} field
     */
    public static Param<Optional<HostPort>> target(String yourServer) {
        return Param.optional("target", "host:port of your own " + yourServer + " to test with the lab's client; "
                + "empty: the lab's reference server", HostPort::parse);
    }

    /**
     * Refuses {@code target} and {@code listenPort} together: the run tests either side of the student's, not
     * both. The text of each was parsed before; this is the one rule that involves the two.
     *
     * @param params the run's values
     * @param target the case's {@link #target(String)}
     * @throws InvalidParamException naming {@code listenPort}
     */
    public static void validate(Params params, Param<Optional<HostPort>> target) {
        if (params.get(target).isPresent() && params.get(LISTEN_PORT).isPresent()) {
            throw new InvalidParamException(LISTEN_PORT.name(), "set target (your server) or listenPort (your "
                    + "client), not both");
        }
    }

    /**
     * @param params   the run's values
     * @param standard the run's standard time limit
     * @return enough for the live time and the standard limit in live mode, else {@code standard}
     */
    public static Duration timeLimit(Params params, Duration standard) {
        return params.get(LISTEN_PORT).isPresent() ? standard.plus(Duration.ofSeconds(params.get(LIVE_SECONDS)))
                : standard;
    }

    /**
     * Reads the mode of a run whose values {@link #validate} accepted.
     *
     * @param params the run's values
     * @param target the case's {@link #target(String)}
     * @return the mode
     */
    public static ServerMode of(Params params, Param<Optional<HostPort>> target) {
        return new ServerMode(params.get(target).orElse(null), params.get(LISTEN_PORT).orElse(null),
                Duration.ofSeconds(params.get(LIVE_SECONDS)));
    }

    /**
     * Reads the mode of a run of a case whose server cannot be the student's (it has no {@code target}).
     *
     * @param params the run's values
     * @return the mode: the reference server alone, or waiting for the student's client
     */
    public static ServerMode live(Params params) {
        return new ServerMode(null, params.get(LISTEN_PORT).orElse(null), Duration.ofSeconds(params.get(LIVE_SECONDS)));
    }

    /** @return the default mode, for a case that runs the reference server of another case as its stand-in */
    public static ServerMode reference() {
        return new ServerMode(null, null, Duration.ZERO);
    }

    // Port 0 asks the system for any free port, as bind() does; a number outside 16 bits is no port.
    private static Integer port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= MAX_PORT) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, like a port out of range
        }
        throw new IllegalArgumentException("must be a port from 1 to 65535, or 0 for any free port");
    }

    /** @return whether the lab's client tests the student's server */
    public boolean yourServer() {
        return target != null;
    }

    /** @return whether the reference server waits for the student's client */
    public boolean yourClient() {
        return listenPort != null;
    }

    /** @return the student's server; only when {@link #yourServer()} */
    public HostPort target() {
        return target;
    }

    /** @return the student's program, whose failures are failed checks; {@code null} in the default mode */
    public YourProgram yourProgram() {
        return yourServer() ? YourProgram.server(target) : yourClient() ? YourProgram.client(YOUR_CLIENT) : null;
    }

    /**
     * Runs an exchange with the other side: with the student's program there (their server, their client) its
     * socket failures become failed checks, as {@link YourProgram#exchange} says; between the lab's own
     * programs they stay the run's error.
     *
     * @param context the run
     * @param body    the lab's side of the exchange
     * @param <T>     the result's type
     * @return the result; empty when the student's program failed the exchange
     * @throws Exception what the lab itself could not do
     */
    public <T> Optional<T> exchange(RunContext context, YourProgram.Exchange<T> body) throws Exception {
        YourProgram program = yourProgram();
        return program == null ? Optional.ofNullable(body.run()) : program.exchange(context, body);
    }

    /**
     * Opens the reference server's TCP socket: on {@code listenPort} in live mode (its {@code listen} is then
     * the run's first event and names the port), else on a port the system picks.
     *
     * @param context the run
     * @param server  the reference server
     * @return the listening socket
     * @throws IOException if it cannot bind (the port is taken)
     */
    public TcpListener listen(RunContext context, Actor server) throws IOException {
        return listen(context, server, "nc 127.0.0.1 %d");
    }

    /**
     * {@link #listen(RunContext, Actor)} for an HTTP server: the live note suggests {@code curl}.
     *
     * @param context the run
     * @param server  the reference server
     * @return the listening socket
     * @throws IOException if it cannot bind (the port is taken)
     */
    public TcpListener listenHttp(RunContext context, Actor server) throws IOException {
        return listen(context, server, "curl http://127.0.0.1:%d/");
    }

    private TcpListener listen(RunContext context, Actor server, String exampleClient) throws IOException {
        if (!yourClient()) {
            // The lab's client is the only one the lesson is about: a stranger who finds the port (a port
            // scan of the machine) is turned away instead of taking its place.
            TcpListener listener = server.listen();
            listener.acceptOnlyLabClients();
            return listener;
        }
        TcpListener listener = server.listen(listenPort);
        listener.namePeers(YOUR_CLIENT);
        context.note("Listening on " + listener.local() + " for " + liveTime.toSeconds() + " s: run your client now, "
                + "e.g. " + exampleClient.formatted(listener.port()) + ". The lab's own client does not run.");
        return listener;
    }

    /**
     * Binds the reference server's UDP socket: on {@code listenPort} in live mode, else on any free port.
     *
     * @param context the run
     * @param server  the reference server
     * @return the bound socket
     * @throws IOException if it cannot bind
     */
    public UdpEndpoint bindUdp(RunContext context, Actor server) throws IOException {
        if (!yourClient()) {
            return server.bindUdp(0);
        }
        UdpEndpoint socket = server.bindUdp(listenPort);
        socket.namePeers(YOUR_CLIENT);
        context.note("Listening on " + socket.local() + " (UDP) for " + liveTime.toSeconds()
                + " s: run your client now, e.g. nc -u 127.0.0.1 " + socket.port() + ". The lab's own client does not run.");
        return socket;
    }

    /**
     * Notes that the lab's client tests the student's server; nothing in the other modes.
     *
     * @param context the run
     */
    public void noteYourServer(RunContext context) {
        if (yourServer()) {
            context.note("Testing your server at " + target + ": the reference server does not run.");
        }
    }

    /**
     * The reference server's next client. In live mode it waits until the live time is up, and the
     * connection's reads may take the rest of it (a person may be typing into nc).
     *
     * @param listener the reference server's socket
     * @return the connection; empty in live mode when the live time is up
     * @throws IOException if accepting failed (the run was stopped, or, outside live mode, no client came)
     */
    public Optional<TcpConnection> accept(TcpListener listener) throws IOException {
        if (!yourClient()) {
            return Optional.of(listener.accept());
        }
        Duration left = liveLeft();
        if (left.isZero()) {
            return Optional.empty();
        }
        listener.setTimeout(left);
        try {
            TcpConnection connection = listener.accept();
            came.incrementAndGet();
            connection.setTimeout(liveLeft().isZero() ? Duration.ofMillis(1) : liveLeft());
            return Optional.of(connection);
        } catch (SocketTimeoutException liveTimeIsUp) {
            return Optional.empty();
        }
    }

    /**
     * The reference UDP server's next datagram of at most {@code maxBytes}; in live mode it waits until the
     * live time is up.
     *
     * @param socket   the reference server's socket
     * @param maxBytes the buffer size of its {@code recvfrom}
     * @return the datagram; empty in live mode when the live time is up
     * @throws IOException if receiving failed (outside live mode: also when nothing came in time)
     */
    public Optional<Datagram> receive(UdpEndpoint socket, int maxBytes) throws IOException {
        if (!yourClient()) {
            return Optional.of(socket.receive(maxBytes));
        }
        Duration left = liveLeft();
        if (left.isZero()) {
            return Optional.empty();
        }
        socket.setTimeout(left);
        try {
            Datagram datagram = socket.receive(maxBytes);
            came.incrementAndGet();
            return Optional.of(datagram);
        } catch (SocketTimeoutException liveTimeIsUp) {
            return Optional.empty();
        }
    }

    /**
     * In live mode, checks that the student's client came at all, and says why the run ended when it made
     * fewer connections (or sent fewer datagrams) than the handout's client does.
     *
     * @param context  the run
     * @param expected how many connections or datagrams the handout's client makes
     */
    public void checkClientCame(RunContext context, int expected) {
        if (!yourClient()) {
            return;
        }
        int served = came.get();
        if (served < expected) {
            context.note("The live time (" + liveTime.toSeconds() + " s) is up after " + served + " of the "
                    + expected + " " + (expected == 1 ? "connection" : "connections") + " the handout's client makes.");
        }
        context.check(YOUR_CLIENT + " reaches the lab's server within " + liveTime.toSeconds() + " s", served > 0,
                "at least one connection or datagram", served == 0 ? "none came" : served + " came");
    }

    private Duration liveLeft() {
        return Duration.ofNanos(Math.max(0, liveUntilNanos - System.nanoTime()));
    }
}
