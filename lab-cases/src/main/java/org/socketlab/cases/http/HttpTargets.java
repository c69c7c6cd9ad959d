package org.socketlab.cases.http;

/**
 * What the HTTP client cases of this package share: the parsers of their {@code host} and {@code path}
 * parameters, so that a value that would not make a one-line request line ({@code GET path HTTP/1.1}) is
 * refused before the run, naming the parameter.
 */
final class HttpTargets {
    private HttpTargets() {
    }

    /**
     * Parses a {@code host}: a bare host name or address (not a URL, no spaces); empty means the case's stand-in.
     *
     * @param text the parameter's text
     * @return the host without surrounding spaces; empty when the text is blank
     * @throws IllegalArgumentException saying what a host looks like
     */
    static String host(String text) {
        String host = text.trim();
        if (host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            throw new IllegalArgumentException("must be a host name or IP address, without spaces, '/' or '@'");
        }
        return host;
    }

    /**
     * Parses a {@code path}: it starts with '/' and has no spaces or control characters.
     *
     * @param text the parameter's text
     * @return the path
     * @throws IllegalArgumentException saying what a path looks like
     */
    static String path(String text) {
        if (!text.startsWith("/") || text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("must start with '/' and contain no spaces or control characters");
        }
        return text;
    }
}
