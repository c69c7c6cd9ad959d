package org.socketlab.api;

import java.util.Objects;

/**
 * A {@code host:port} value, such as the address of a student's own server; the value of a
 * {@link Param#hostPort} parameter.
 *
 * @param host the host name or IP literal (an IPv6 address without brackets)
 * @param port 1 to 65535
 * @since 1.1
 */
public record HostPort(String host, int port) {

    /**
     * Checks the components.
     *
     * @param host the host name or IP literal (an IPv6 address without brackets)
     * @param port 1 to 65535
     * @throws IllegalArgumentException if the host is blank or the port out of range
     */
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("must be host:port with a port from 1 to 65535");
        }
    }

    /**
     * Parses {@code host:port} or {@code [v6]:port}.
     *
     * @param text the text, e.g. {@code 127.0.0.1:8080} or {@code [::1]:8080}
     * @return the value
     * @throws IllegalArgumentException saying what is wrong, when the text is not {@code host:port}
     * @since 1.1
     */
    public static HostPort parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("must be host:port, e.g. 127.0.0.1:8080");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("put an IPv6 address in brackets, e.g. [::1]:8080");
        }
        String digits = trimmed.substring(colon + 1);
        if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("the port must be a number from 1 to 65535");
        }
        return new HostPort(host, Integer.parseInt(digits));
    }

    /** @return {@code host:port}, with an IPv6 address in brackets */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
