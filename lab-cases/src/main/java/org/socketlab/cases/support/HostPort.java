package org.socketlab.cases.support;

import org.socketlab.api.InvalidParamException;

/**
 * A {@code host:port} parameter value, such as a case's {@code target} (the student's own server).
 *
 * @param host the host name or IP literal (IPv6 without brackets)
 * @param port 1 to 65535
 */
public record HostPort(String host, int port) {

    /**
     * Parses {@code host:port} or {@code [v6]:port}.
     *
     * @param parameter the parameter's name, for the error message
     * @param value the text
     * @return the parsed value
     * @throws InvalidParamException naming the parameter when the text is not {@code host:port}
     */
    public static HostPort parse(String parameter, String value) {
        String text = value.trim();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new InvalidParamException(parameter, "must be host:port, e.g. 127.0.0.1:8080");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new InvalidParamException(parameter, "put an IPv6 address in brackets, e.g. [::1]:8080");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidParamException(parameter, "the port must be a number from 1 to 65535");
        }
        if (port < 1 || port > 65_535 || host.isBlank()) {
            throw new InvalidParamException(parameter, "must be host:port with a port from 1 to 65535");
        }
        return new HostPort(host, port);
    }

    /** @return {@code host:port}, an IPv6 host in brackets, as the parameter is written */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
