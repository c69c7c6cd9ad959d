package org.socketlab.server.http;

/**
 * The limits that keep clients from holding a server's connections, as the operator sets them on the
 * command line; see {@link HttpServerConfig} for each one's meaning.
 *
 * @param maxConnections          {@code --max-connections}
 * @param maxConnectionsPerClient {@code --max-connections-per-client}
 * @param requestTimeoutMillis    {@code --request-timeout}: the head's total deadline and a body's base one
 * @param idleTimeoutMillis       {@code --idle-timeout}: how long a keep-alive connection may wait unused
 * @param minBodyBytesPerSecond   {@code --min-body-rate}
 * @param writeTimeoutMillis      {@code --write-timeout}
 */
public record ConnectionLimits(int maxConnections, int maxConnectionsPerClient, int requestTimeoutMillis,
                               int idleTimeoutMillis, long minBodyBytesPerSecond, int writeTimeoutMillis) {

    /** @throws IllegalArgumentException if a limit is not positive */
    public ConnectionLimits {
        if (maxConnections < 1 || maxConnectionsPerClient < 1 || requestTimeoutMillis < 1 || idleTimeoutMillis < 1
                || minBodyBytesPerSecond < 1 || writeTimeoutMillis < 1) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
    }

    /** @return the defaults of {@link HttpServerConfig} */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(HttpServerConfig.MAX_CONNECTIONS, HttpServerConfig.MAX_CONNECTIONS_PER_CLIENT,
                HttpServerConfig.READ_TIMEOUT_MILLIS, HttpServerConfig.IDLE_TIMEOUT_MILLIS,
                HttpServerConfig.MIN_BODY_BYTES_PER_SECOND, HttpServerConfig.WRITE_TIMEOUT_MILLIS);
    }

    /** @param config a server's settings @return them with these limits */
    public HttpServerConfig applyTo(HttpServerConfig config) {
        return config.withMaxConnections(maxConnections).withMaxConnectionsPerClient(maxConnectionsPerClient)
                .withReadTimeoutMillis(requestTimeoutMillis).withIdleTimeoutMillis(idleTimeoutMillis)
                .withMinBodyBytesPerSecond(minBodyBytesPerSecond).withWriteTimeoutMillis(writeTimeoutMillis);
    }

    /** @param value {@code --max-connections} @return a copy with it */
    public ConnectionLimits withMaxConnections(int value) {
        return new ConnectionLimits(value, maxConnectionsPerClient, requestTimeoutMillis, idleTimeoutMillis,
                minBodyBytesPerSecond, writeTimeoutMillis);
    }

    /** @param value {@code --max-connections-per-client} @return a copy with it */
    public ConnectionLimits withMaxConnectionsPerClient(int value) {
        return new ConnectionLimits(maxConnections, value, requestTimeoutMillis, idleTimeoutMillis,
                minBodyBytesPerSecond, writeTimeoutMillis);
    }

    /** @param value {@code --request-timeout} in ms @return a copy with it */
    public ConnectionLimits withRequestTimeoutMillis(int value) {
        return new ConnectionLimits(maxConnections, maxConnectionsPerClient, value, idleTimeoutMillis,
                minBodyBytesPerSecond, writeTimeoutMillis);
    }

    /** @param value {@code --idle-timeout} in ms @return a copy with it */
    public ConnectionLimits withIdleTimeoutMillis(int value) {
        return new ConnectionLimits(maxConnections, maxConnectionsPerClient, requestTimeoutMillis, value,
                minBodyBytesPerSecond, writeTimeoutMillis);
    }

    /** @param value {@code --min-body-rate} in bytes per second @return a copy with it */
    public ConnectionLimits withMinBodyBytesPerSecond(long value) {
        return new ConnectionLimits(maxConnections, maxConnectionsPerClient, requestTimeoutMillis, idleTimeoutMillis,
                value, writeTimeoutMillis);
    }

    /** @param value {@code --write-timeout} in ms @return a copy with it */
    public ConnectionLimits withWriteTimeoutMillis(int value) {
        return new ConnectionLimits(maxConnections, maxConnectionsPerClient, requestTimeoutMillis, idleTimeoutMillis,
                minBodyBytesPerSecond, value);
    }
}
