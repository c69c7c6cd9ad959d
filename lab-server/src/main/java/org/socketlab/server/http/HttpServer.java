package org.socketlab.server.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 server on blocking java.net sockets: one thread accepts, each connection is served
 * on its own thread (virtual on Java 21+), at most {@code maxConnections} at once.
 */
public final class HttpServer implements AutoCloseable {

    /** The grace period of {@link #close()}. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private static final long ACCEPT_FAILURE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final HttpServerConfig config;
    private final Handler handler;
    private final ErrorRenderer errors;
    private final AccessLog accessLog;
    private final DateHeader date = new DateHeader();
    private final ServerSocket serverSocket;
    private final ExecutorService executor;
    private final Semaphore permits;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ClientSlots clientSlots;
    private final Thread acceptor;
    private final WriteWatchdog watchdog;
    private volatile boolean stopping;
    private boolean stopped;

    private HttpServer(HttpServerConfig config, Handler handler, ErrorRenderer errors, AccessLog accessLog)
            throws IOException {
        this.config = config;
        this.handler = handler;
        this.errors = errors;
        this.accessLog = accessLog;
        this.permits = new Semaphore(config.maxConnections());
        this.clientSlots = new ClientSlots(config.maxConnectionsPerClient());
        this.serverSocket = new ServerSocket();
        try {
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(config.bindAddress(), config.port()), config.backlog());
        } catch (IOException e) {
            serverSocket.close();
            throw new IOException("cannot listen on " + config.bindAddress().getHostAddress() + " port "
                    + config.port() + " (setting port): " + e.getMessage(), e);
        }
        this.executor = ConnectionThreads.create(config.maxConnections());
        this.acceptor = new Thread(this::acceptLoop, "socketlab-http-accept-" + serverSocket.getLocalPort());
        this.watchdog = new WriteWatchdog(connections, config.writeTimeoutMillis(),
                "socketlab-http-watchdog-" + serverSocket.getLocalPort());
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
        HttpServer server = new HttpServer(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(errors, "errors"),
                Objects.requireNonNull(log, "log"));
        server.acceptor.start();
        server.watchdog.start();
        return server;
    }

    /** Starts a server with plain-text errors and no access log. */
    public static HttpServer start(HttpServerConfig config, Handler handler) throws IOException {
        return start(config, handler, ErrorRenderer.plainText(), AccessLog.none());
    }

    /** The port the server listens on: the one picked by the system if the config said 0. */
    public int port() {
        return serverSocket.getLocalPort();
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
        executor.shutdownNow();
        watchdog.stop();
        stopped = true;
    }

    /** Stops with a grace period of {@link #CLOSE_GRACE}. */
    @Override
    public void close() {
        stop(CLOSE_GRACE);
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!stopping) {
                    // E.g. out of file descriptors: pause so as not to spin, then try again.
                    reportFailure("accepting a connection failed", e);
                    LockSupport.parkNanos(ACCEPT_FAILURE_PAUSE_NANOS);
                }
                continue;
            }
            if (!admit(socket)) {
                Rejection.answerBusy(socket, this);
                continue;
            }
            Connection connection = new Connection(this, socket);
            connections.add(connection);
            try {
                executor.execute(connection);
            } catch (RejectedExecutionException e) {
                // Only after stop() shut the executor down.
                connection.forceClose();
                connectionClosed(connection);
            }
        }
    }

    /**
     * Takes a connection slot and a slot of the client's address for a new connection. When either is
     * short, the oldest idle keep-alive connection (of that client, or of anyone) is closed to make room,
     * so that clients who hold connections open without using them cannot keep new ones out.
     */
    private boolean admit(Socket socket) {
        InetAddress client = socket.getInetAddress();
        if (!clientSlots.tryAcquire(client)
                && !(closeOldestIdle(c -> c.client().equals(client)) && clientSlots.tryAcquire(client))) {
            return false;
        }
        if (!permits.tryAcquire() && !(closeOldestIdle(c -> true) && permits.tryAcquire())) {
            clientSlots.release(client);
            return false;
        }
        return true;
    }

    private boolean closeOldestIdle(Predicate<Connection> which) {
        Connection oldest = null;
        for (Connection connection : connections) {
            if (connection.isIdle() && which.test(connection)
                    && (oldest == null || connection.idleSinceNanos() - oldest.idleSinceNanos() < 0)) {
                oldest = connection;
            }
        }
        if (oldest == null || !oldest.closeIfIdle()) {
            return false;
        }
        // Its slots are free now; its thread, which will see the socket closed, releases nothing twice.
        connectionClosed(oldest);
        return true;
    }

    /** Called by a connection's thread as it ends, or by the acceptor that closed it. */
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

    boolean isStopping() {
        return stopping;
    }

    HttpServerConfig config() {
        return config;
    }

    Handler handler() {
        return handler;
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
            serverSocket.close();
        } catch (IOException e) {
            reportFailure("closing the listening socket failed", e);
        }
    }
}
