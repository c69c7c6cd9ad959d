package org.socketlab.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The settings of an {@link HttpServer}, validated on construction.
 *
 * @param bindAddress         the local address to listen on; loopback by default
 * @param port                the port, 0 to let the system pick a free one
 * @param readTimeoutMillis   the total time a client has to send a request head once it has sent
 *                            its first byte (so sending one byte at a time does not stretch it),
 *                            the time a body may take beyond what {@code minBodyBytesPerSecond}
 *                            allows, and the longest wait for each read; 408 when exceeded
 * @param idleTimeoutMillis   how long a connection may wait for its next request, the first one
 *                            included, before it is closed without a response
 * @param maxRequestLineBytes the longest request line; 414 beyond
 * @param maxHeaderBytes      the largest header section (and chunked trailer section); 431 beyond
 * @param maxBodyBytes        the largest request body; 413 beyond
 * @param maxConnections      the most connections served at once; more are answered 503
 * @param backlog             connections the system queues before they are accepted
 * @param minBodyBytesPerSecond the slowest a body may arrive on average: a body has
 *                            {@code readTimeoutMillis} plus its length at this rate, in total
 * @param writeTimeoutMillis  a response write that makes no progress this long closes the connection
 * @param maxConnectionsPerClient the most connections one client address may hold; beyond, its
 *                            oldest idle connection is closed, or the new one answered 503
 */
public record HttpServerConfig(InetAddress bindAddress, int port, int readTimeoutMillis, int idleTimeoutMillis,
                               int maxRequestLineBytes, int maxHeaderBytes, long maxBodyBytes, int maxConnections,
                               int backlog, long minBodyBytesPerSecond, int writeTimeoutMillis,
                               int maxConnectionsPerClient) {

    /** Long enough for a slow client on a bad network, short enough to shed a stalled one. */
    public static final int READ_TIMEOUT_MILLIS = 10_000;
    /** Between the keep-alive defaults of Jetty (30 s) and nginx (75 s). */
    public static final int IDLE_TIMEOUT_MILLIS = 60_000;
    /** As nginx's large_client_header_buffers: 8 KiB per line. */
    public static final int MAX_REQUEST_LINE_BYTES = 8 * 1024;
    /** Room for cookies and the rest of a browser's fields. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The JSON API takes small documents; 1 MiB leaves room for any case configuration. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Enough for a browser, the case runners and a load test of a few hundred connections. */
    public static final int MAX_CONNECTIONS = 1024;
    /** Connection bursts of a load test queue here instead of being refused by the system. */
    public static final int BACKLOG = 1024;
    /** A modem's pace: any real client sends faster; a drip of a byte every few seconds does not. */
    public static final long MIN_BODY_BYTES_PER_SECOND = 1024;
    /** A reader that takes in nothing for this long has gone away or is holding the thread on purpose. */
    public static final int WRITE_TIMEOUT_MILLIS = 20_000;
    /** A quarter of the connections: one address (a runaway script, a classmate) cannot take them all. */
    public static final int MAX_CONNECTIONS_PER_CLIENT = 256;
    /** Bodies are held in one array, so they must stay below the largest array size. */
    public static final long MAX_BODY_BYTES_LIMIT = Integer.MAX_VALUE - 8;

    public HttpServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress must not be null");
        check(port >= 0 && port <= 65_535, "port must be between 0 and 65535", port);
        check(readTimeoutMillis > 0, "readTimeoutMillis must be positive", readTimeoutMillis);
        check(idleTimeoutMillis > 0, "idleTimeoutMillis must be positive", idleTimeoutMillis);
        check(maxRequestLineBytes >= 16, "maxRequestLineBytes must be at least 16", maxRequestLineBytes);
        check(maxHeaderBytes >= 64, "maxHeaderBytes must be at least 64", maxHeaderBytes);
        check(maxBodyBytes >= 0 && maxBodyBytes <= MAX_BODY_BYTES_LIMIT,
                "maxBodyBytes must be between 0 and " + MAX_BODY_BYTES_LIMIT, maxBodyBytes);
        check(maxConnections > 0, "maxConnections must be positive", maxConnections);
        check(backlog > 0, "backlog must be positive", backlog);
        check(minBodyBytesPerSecond > 0, "minBodyBytesPerSecond must be positive", minBodyBytesPerSecond);
        check(writeTimeoutMillis > 0, "writeTimeoutMillis must be positive", writeTimeoutMillis);
        check(maxConnectionsPerClient > 0, "maxConnectionsPerClient must be positive", maxConnectionsPerClient);
    }

    /** Loopback, a free port, and the constants above. */
    public static HttpServerConfig defaults() {
        return new HttpServerConfig(loopback(), 0, READ_TIMEOUT_MILLIS, IDLE_TIMEOUT_MILLIS, MAX_REQUEST_LINE_BYTES,
                MAX_HEADER_BYTES, MAX_BODY_BYTES, MAX_CONNECTIONS, BACKLOG, MIN_BODY_BYTES_PER_SECOND, WRITE_TIMEOUT_MILLIS,
                MAX_CONNECTIONS_PER_CLIENT);
    }

    public HttpServerConfig withBindAddress(InetAddress value) {
        return new HttpServerConfig(value, port, readTimeoutMillis, idleTimeoutMillis, maxRequestLineBytes,
                maxHeaderBytes, maxBodyBytes, maxConnections, backlog, minBodyBytesPerSecond, writeTimeoutMillis,
                maxConnectionsPerClient);
    }

    public HttpServerConfig withPort(int value) {
        return new HttpServerConfig(bindAddress, value, readTimeoutMillis, idleTimeoutMillis, maxRequestLineBytes,
                maxHeaderBytes, maxBodyBytes, maxConnections, backlog, minBodyBytesPerSecond, writeTimeoutMillis,
                maxConnectionsPerClient);
    }

    public HttpServerConfig withReadTimeoutMillis(int value) {
        return new HttpServerConfig(bindAddress, port, value, idleTimeoutMillis, maxRequestLineBytes,
                maxHeaderBytes, maxBodyBytes, maxConnections, backlog, minBodyBytesPerSecond, writeTimeoutMillis,
                maxConnectionsPerClient);
    }

    public HttpServerConfig withIdleTimeoutMillis(int value) {
        return new HttpServerConfig(bindAddress, port, readTimeoutMillis, value, maxRequestLineBytes,
                maxHeaderBytes, maxBodyBytes, maxConnections, backlog, minBodyBytesPerSecond, writeTimeoutMillis,
                maxConnectionsPerClient);
    }

    public HttpServerConfig withMaxRequestLineBytes(int value) {
        return new HttpServerConfig(bindAddress, port, readTimeoutMillis, idleTimeoutMillis, value,
                maxHeaderBytes, maxBodyBytes, maxConnections, backlog, minBodyBytesPerSecond, writeTimeoutMillis,
                maxConnectionsPerClient);
    }

    public HttpServerConfig withMaxHeaderBytes(int value) {
        return new HttpServerConfig(bindAddress, port, readTimeoutMillis, idleTimeoutMillis, maxRequestLineBytes,
                value, maxBodyBytes, maxConnections, backlog, minBodyBytesPerSecond, writeTimeoutMillis,
                maxConnectionsPerClient);
    }

    public HttpServerConfig withMaxBodyBytes(long value) {
        return new HttpServerConfig(bindAddress, port, readTimeoutMillis, idleTimeoutMillis, maxRequestLineBytes,
                maxHeaderBytes, value, maxConnections, backlog, minBodyBytesPerSecond, writeTimeoutMillis,
                maxConnectionsPerClient);
    }

    public HttpServerConfig withMaxConnections(int value) {
        return new HttpServerConfig(bindAddress, port, readTimeoutMillis, idleTimeoutMillis, maxRequestLineBytes,
                maxHeaderBytes, maxBodyBytes, value, backlog, minBodyBytesPerSecond, writeTimeoutMillis,
                maxConnectionsPerClient);
    }

    public HttpServerConfig withBacklog(int value) {
        return new HttpServerConfig(bindAddress, port, readTimeoutMillis, idleTimeoutMillis, maxRequestLineBytes,
                maxHeaderBytes, maxBodyBytes, maxConnections, value, minBodyBytesPerSecond, writeTimeoutMillis,
                maxConnectionsPerClient);
    }

    public HttpServerConfig withMinBodyBytesPerSecond(long value) {
        return new HttpServerConfig(bindAddress, port, readTimeoutMillis, idleTimeoutMillis, maxRequestLineBytes,
                maxHeaderBytes, maxBodyBytes, maxConnections, backlog, value, writeTimeoutMillis, maxConnectionsPerClient);
    }

    public HttpServerConfig withWriteTimeoutMillis(int value) {
        return new HttpServerConfig(bindAddress, port, readTimeoutMillis, idleTimeoutMillis, maxRequestLineBytes,
                maxHeaderBytes, maxBodyBytes, maxConnections, backlog, minBodyBytesPerSecond, value, maxConnectionsPerClient);
    }

    public HttpServerConfig withMaxConnectionsPerClient(int value) {
        return new HttpServerConfig(bindAddress, port, readTimeoutMillis, idleTimeoutMillis, maxRequestLineBytes,
                maxHeaderBytes, maxBodyBytes, maxConnections, backlog, minBodyBytesPerSecond, writeTimeoutMillis, value);
    }

    private static void check(boolean valid, String rule, long value) {
        if (!valid) {
            throw new IllegalArgumentException(rule + ", was " + value);
        }
    }

    private static InetAddress loopback() {
        try {
            // 127.0.0.1 rather than InetAddress.getLoopbackAddress(), which may answer ::1.
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError("a four-byte address is always valid", e);
        }
    }
}
