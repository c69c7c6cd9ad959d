package org.socketlab.api;

/**
 * A run tried to reach a host that the {@link TargetPolicy} forbids. Unchecked on purpose: a case that
 * catches {@link java.io.IOException} to report "closed" or "refused" must not swallow it, since the
 * host was never tried; the run ends as an error that says how to allow the host.
 */
public class TargetNotAllowedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param host the host as the run named it */
    public TargetNotAllowedException(String host) {
        super("host '" + host + "' is not allowed: runs may reach loopback only (localhost, 127.0.0.1, ::1) "
                + "unless the server was started with --allow-remote");
    }

    /**
     * @param host the host as the run named it
     * @param port a port closed to runs on this machine
     * @since 1.1
     */
    public TargetNotAllowedException(String host, int port) {
        super("port " + port + " of '" + host + "' is not allowed: it is Socket Lab's own, and a run that asked "
                + "Socket Lab for runs would never end");
    }
}
