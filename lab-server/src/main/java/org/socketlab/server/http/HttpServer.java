package org.socketlab.server.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 server: {@link ConnectionLoop} threads with selectors read and parse requests and write the
 * answers handlers give without blocking; requests that may block run on worker threads (virtual on Java
 * 21+). At most {@code maxConnections} connections at once.
 */
public final class HttpServer implements AutoCloseable {

    /** The grace period of {@link #close()}. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /**
     * The connection loops: one per two processors, unless the system property {@code socketlab.http.loops}
     * says otherwise (for measuring). On 2 cores with the load generator on one of them, one loop made
     * 200,000 requests/s with a p99 of 1 ms, two loops fewer requests and a p99 a hundred times longer, as
     * they took turns on the one core left (docs/benchmarks.md); the other half of the processors is for
     * the workers, the collector and the compiler.
     */
    static final int LOOPS = Math.max(1, Integer.getInteger("socketlab.http.loops",
            Runtime.getRuntime().availableProcessors() / 2));
    private static final long LOOP_STOP_WAIT_MILLIS = 1_000;

    private final HttpServerConfig config;
    private final ErrorRenderer errors;
    private final AccessLog accessLog;
    private final Answers answers;
    private final DateHeader date = new DateHeader();
    private final RecentStrings recentStrings = RecentStrings.create();
    private final ServerSocketChannel listener;
    private final int port;
    private final ExecutorService workers;
    private final Semaphore permits;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ClientSlots clientSlots;
    private final ConnectionLoop[] loops;
    private final WriteWatchdog watchdog;
    private volatile boolean stopping;
    private boolean stopped;

    private HttpServer(HttpServerConfig config, Handler handler, ErrorRenderer errors, AccessLog accessLog,
                       int loopCount) throws IOException {
        this.config = config;
        this.errors = errors;
        this.accessLog = accessLog;
        this.answers = new Answers(this, handler);
        this.permits = new Semaphore(config.maxConnections());
        this.clientSlots = new ClientSlots(config.maxConnectionsPerClient());
        this.listener = ServerSocketChannel.open();
        try {
            listener.socket().setReuseAddress(true);
            listener.bind(new InetSocketAddress(config.bindAddress(), config.port()), config.backlog());
            listener.configureBlocking(false);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + config.bindAddress().getHostAddress() + " port "
                    + config.port() + " (setting port): " + e.getMessage(), e);
        }
        this.port = listener.socket().getLocalPort();
        this.workers = ConnectionThreads.create(config.maxConnections());
        this.loops = new ConnectionLoop[loopCount];
        try {
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new ConnectionLoop(this, "socketlab-http-loop-" + port + "-" + i);
            }
            loops[0].accept(listener, loops);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        this.watchdog = new WriteWatchdog(connections, config.writeTimeoutMillis(),
                "socketlab-http-watchdog-" + port);
    }

    /**
     * Starts a server; returns once it is bound and accepting.
     *
     * @param errors renders error responses, e.g. {@link ErrorRenderer#plainText()}
     * @param log    receives an entry per response, e.g. {@link AccessLog#none()}
     * @throws IOException if the address cannot be bound
     */
    public static HttpServer start(HttpServerConfig config, Handler handler, ErrorRenderer errors, AccessLog log)
            throws IOException {
        return start(config, handler, errors, log, LOOPS);
    }

    /** The same with this many connection loops (tests that need every connection on one loop). */
    static HttpServer start(HttpServerConfig config, Handler handler, ErrorRenderer errors, AccessLog log, int loops)
            throws IOException {
        if (loops < 1) {
            throw new IllegalArgumentException("a server needs a connection loop, was " + loops);
        }
        HttpServer server = new HttpServer(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(errors, "errors"),
                Objects.requireNonNull(log, "log"), loops);
        for (ConnectionLoop loop : server.loops) {
            loop.start();
        }
        server.watchdog.start();
        return server;
    }

    /** Starts a server with plain-text errors and no access log. */
    public static HttpServer start(HttpServerConfig config, Handler handler) throws IOException {
        return start(config, handler, ErrorRenderer.plainText(), AccessLog.none());
    }

    /** The port the server listens on: the one picked by the system if the config said 0. */
    public int port() {
        return port;
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return new InetSocketAddress(config.bindAddress(), port());
    }

    /**
     * Stops gracefully: stops accepting, closes idle keep-alive connections, lets requests in
     * progress finish within the grace period, then closes whatever is left. Idempotent; returns
     * when done.
     */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopping = true;
        closeServerSocket();
        connections.forEach(Connection::closeIfIdle);
        boolean drained = false;
        try {
            // Every connection holds a permit until it ends, so holding them all means none is left.
            drained = permits.tryAcquire(config.maxConnections(), grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!drained) {
            connections.forEach(Connection::forceClose);
        }
        for (ConnectionLoop loop : loops) {
            loop.stop(LOOP_STOP_WAIT_MILLIS);
        }
        workers.shutdownNow();
        watchdog.stop();
        stopped = true;
    }

    /** Stops with a grace period of {@link #CLOSE_GRACE}. */
    @Override
    public void close() {
        stop(CLOSE_GRACE);
    }

    /**
     * Takes a connection slot and a slot of the client's address for a new connection, on the accepting
     * loop. When either is short, the oldest idle keep-alive connection (of that client, or of anyone) is
     * closed to make room, so that clients who hold connections open without using them cannot keep new
     * ones out. Beyond the limits the connection is answered 503 and closed.
     *
     * @return the connection to register with the loop, or null
     */
    Connection admit(SocketChannel channel, ConnectionLoop loop) {
        InetSocketAddress remote;
        try {
            remote = (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            // Closed before we got to it.
            Rejection.close(channel);
            return null;
        }
        // The address, not channel.socket(): that builds a Socket adaptor for every connection.
        InetAddress client = remote == null ? null : remote.getAddress();
        boolean clientSlot = client != null && (clientSlots.tryAcquire(client)
                || closeOldestIdle(c -> c.client().equals(client)) && clientSlots.tryAcquire(client));
        if (!clientSlot || stopping) {
            if (clientSlot) {
                clientSlots.release(client);
            }
            Rejection.answerBusy(channel.socket(), this);
            return null;
        }
        if (!permits.tryAcquire() && !(closeOldestIdle(c -> true) && permits.tryAcquire())) {
            clientSlots.release(client);
            Rejection.answerBusy(channel.socket(), this);
            return null;
        }
        Connection connection;
        try {
            ConnectionLoop.configure(channel);
            connection = new Connection(this, loop, channel, remote);
        } catch (IOException e) {
            // Reset before we got to it.
            permits.release();
            clientSlots.release(client);
            Rejection.close(channel);
            return null;
        }
        connections.add(connection);
        return connection;
    }

    private boolean closeOldestIdle(Predicate<Connection> which) {
        Connection oldest = null;
        for (Connection connection : connections) {
            if (connection.isIdle() && which.test(connection)
                    && (oldest == null || connection.idleSinceNanos() - oldest.idleSinceNanos() < 0)) {
                oldest = connection;
            }
        }
        // Closing releases its slots.
        return oldest != null && oldest.closeIfIdle();
    }

    /** The strings of targets and header fields that repeat, shared by every connection (see {@link RecentStrings}). */
    RecentStrings recentStrings() {
        return recentStrings;
    }

    /** Called whenever a connection is closed, once or more: its slots are released once. */
    void connectionClosed(Connection connection) {
        if (connections.remove(connection)) {
            permits.release();
            clientSlots.release(connection.client());
        }
    }

    /** @return the connections open now */
    int connectionCount() {
        return connections.size();
    }

    /** @return the connections whose response write waits on a client that does not read */
    int stalledWrites() {
        int count = 0;
        for (Connection connection : connections) {
            if (connection.writeStalledSinceNanos() != 0) {
                count++;
            }
        }
        return count;
    }

    boolean isStopping() {
        return stopping;
    }

    HttpServerConfig config() {
        return config;
    }

    Answers answers() {
        return answers;
    }

    ExecutorService workers() {
        return workers;
    }

    AccessLog accessLog() {
        return accessLog;
    }

    DateHeader date() {
        return date;
    }

    /** The error response from the renderer, or plain text if the renderer itself fails. */
    HttpResponse renderError(Status status, String message, String path) {
        try {
            HttpResponse response = errors.render(status, message, path);
            if (response != null) {
                return response;
            }
            reportFailure("the error renderer returned null for " + status, new NullPointerException());
        } catch (RuntimeException e) {
            reportFailure("the error renderer failed for " + status, e);
        }
        return ErrorRenderer.plainText().render(status, message, path);
    }

    /** Logs a server-side failure once to stderr; its details are never sent to the client. */
    void reportFailure(String what, Throwable failure) {
        synchronized (System.err) {
            System.err.println("socketlab-http: " + AccessLogEntry.escape(what));
            failure.printStackTrace();
        }
    }

    private void closeServerSocket() {
        try {
            listener.close();
        } catch (IOException e) {
            reportFailure("closing the listening socket failed", e);
        }
        // The listening socket is registered with the first loop, which closes it for good when it looks.
        loops[0].wakeupIfOtherThread();
    }
}
