package org.socketlab.server.http;

import java.util.Locale;

/**
 * The host and port of a {@code Host} header, an absolute-form target or an {@code Origin}, lower-cased,
 * without a final dot, with the scheme's default port filled in: the form in which two of them compare.
 *
 * @param host an IPv6 literal keeps its brackets, e.g. "[::1]"
 * @param port the port, or -1 when there is none and no scheme gives a default
 */
record Authority(String host, int port) {

    /**
     * Parses {@code uri-host [":" port]} (RFC 9110 §7.2).
     *
     * @param defaultPort the port when none is written (80 for http)
     * @return null if it is not a well-formed authority
     */
    static Authority parse(String text, int defaultPort) {
        if (text == null || text.isEmpty() || text.length() > 300) {
            return null;
        }
        String host;
        String rest;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = text.substring(0, close + 1);
            rest = text.substring(close + 1);
        } else {
            int colon = text.indexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            rest = colon < 0 ? "" : text.substring(colon);
        }
        int port = defaultPort;
        if (!rest.isEmpty()) {
            if (rest.charAt(0) != ':' || rest.length() > 6 || !isAsciiDigits(rest.substring(1))) {
                return null;
            }
            port = rest.length() == 1 ? defaultPort : Integer.parseInt(rest.substring(1));
            if (port > 65_535) {
                return null;
            }
        }
        for (int i = 0; i < host.length(); i++) {
            if (!Grammar.isHostChar(host.charAt(i)) || host.charAt(i) == '@') {
                return null;
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            // "localhost." names the same host as "localhost" (RFC 1034 §3.1).
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? null : new Authority(host, port);
    }

    /**
     * Parses a serialized origin, {@code scheme "://" host [":" port]} (RFC 6454 §6.2).
     *
     * @return null for "null", another scheme than http or https, or anything with a path
     */
    static Authority parseOrigin(String origin) {
        if (origin == null) {
            return null;
        }
        String lower = origin.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            return parse(origin.substring(7), 80);
        }
        if (lower.startsWith("https://")) {
            Authority https = parse(origin.substring(8), 443);
            // Keep https and http apart: the same host and port over another scheme is another origin.
            return https == null ? null : new Authority("https:" + https.host, https.port);
        }
        return null;
    }

    /** Whether the host is an IP literal written in ASCII: four decimal parts, or an IPv6 address in brackets. */
    boolean isIpLiteral() {
        if (host.startsWith("[")) {
            return host.endsWith("]") && host.length() > 3 && host.substring(1, host.length() - 1).chars()
                    .allMatch(c -> c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !isAsciiDigits(part) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The host as {@link java.net.InetAddress#getByName} takes an IP literal: brackets removed. */
    String literal() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            // ASCII only: Character.isDigit would let other scripts' digits through.
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
