package org.socketlab.server.http;

import java.nio.charset.StandardCharsets;

/** Parses a request line from bytes: method SP request-target SP HTTP-version (RFC 9112 §3). */
final class RequestLineParser {

    // RFC 9110 §9.1: the methods this server knows. CONNECT and TRACE are known but never
    // implemented (a tunnel and a reflection of the request are no business of a lab page), so
    // they get 501 like an unknown method rather than a per-resource 405 (RFC 9110 §15.6.2).
    private static final String[] SUPPORTED_METHODS = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"};
    private static final byte[] HTTP_NAME = "HTTP/".getBytes(StandardCharsets.US_ASCII);

    private RequestLineParser() {
    }

    /**
     * Parses the line at buf[offset, offset+length), terminator excluded.
     *
     * @throws HttpException 400 if malformed, 505 for an HTTP version other than 1.x, 501 for
     *                       a method this server never supports
     */
    static RequestLine parse(byte[] buf, int offset, int length) {
        return parse(buf, offset, length, RecentStrings.NONE);
    }

    /** As {@link #parse(byte[], int, int)}, taking a target that repeats from {@code recent}. */
    static RequestLine parse(byte[] buf, int offset, int length, RecentStrings recent) {
        int end = offset + length;
        // RFC 9112 §3: exactly one SP between the parts; lenient whitespace parsing is allowed
        // but invites request smuggling, so anything else is malformed.
        int methodEnd = offset;
        while (methodEnd < end && Grammar.isTokenChar(buf[methodEnd])) {
            methodEnd++;
        }
        if (methodEnd == offset || methodEnd == end || buf[methodEnd] != ' ') {
            throw bad("the request line does not start with a method token and a space");
        }
        int targetStart = methodEnd + 1;
        int targetEnd = targetStart;
        while (targetEnd < end && Grammar.isTargetChar(buf[targetEnd])) {
            targetEnd++;
        }
        if (targetEnd == targetStart || targetEnd == end || buf[targetEnd] != ' ') {
            throw bad("the request target is empty or holds a character that is not allowed");
        }
        String version = version(buf, targetEnd + 1, end);
        String method = supportedMethod(buf, offset, methodEnd);
        String target = recent.latin1(buf, targetStart, targetEnd - targetStart);
        return withTarget(method, target, version);
    }

    private static String version(byte[] buf, int start, int end) {
        int length = end - start;
        if (length < 6 || !startsWith(buf, start, HTTP_NAME)) {
            throw bad("the request line does not end with an HTTP version");
        }
        int major = buf[start + 5];
        if (!isDigit(major)) {
            throw bad("the HTTP version is malformed");
        }
        if (length == 6) {
            // "HTTP/2", "HTTP/3": how later versions are named; they are not spoken over this
            // kind of connection.
            throw versionNotSupported();
        }
        if (length != 8 || buf[start + 6] != '.' || !isDigit(buf[start + 7])) {
            throw bad("the HTTP version is malformed");
        }
        if (major != '1') {
            throw versionNotSupported();
        }
        // RFC 9110 §6.2: a higher minor version within major 1 is processed as the highest we
        // implement.
        return buf[start + 7] == '0' ? RequestLine.HTTP_1_0 : RequestLine.HTTP_1_1;
    }

    private static String supportedMethod(byte[] buf, int start, int end) {
        int length = end - start;
        for (String method : SUPPORTED_METHODS) {
            if (method.length() == length && matches(buf, start, method)) {
                return method;
            }
        }
        throw new HttpException(Status.NOT_IMPLEMENTED, "this server does not implement the request method");
    }

    private static RequestLine withTarget(String method, String target, String version) {
        char first = target.charAt(0);
        if (first == '/') {
            // RFC 9112 §3.2.1: origin-form = absolute-path [ "?" query ]
            int query = target.indexOf('?');
            return query < 0
                    ? new RequestLine(method, target, target, null, version)
                    : new RequestLine(method, target, target.substring(0, query), target.substring(query + 1), version);
        }
        if (target.equals("*")) {
            // RFC 9112 §3.2.4: asterisk-form is only for a server-wide OPTIONS.
            if (!method.equals("OPTIONS")) {
                throw bad("the asterisk request target is only valid with OPTIONS");
            }
            return new RequestLine(method, target, "*", null, version);
        }
        // RFC 9112 §3.2.2: a server MUST accept the absolute-form.
        int pathStart = RequestTarget.absoluteFormPathStart(target);
        if (pathStart < 0) {
            throw bad("the request target is neither a path nor an absolute http URI");
        }
        int query = target.indexOf('?', pathStart);
        String rest = query < 0 ? target.substring(pathStart) : target.substring(pathStart, query);
        String rawPath = rest.isEmpty() ? "/" : rest;
        return new RequestLine(method, target, rawPath, query < 0 ? null : target.substring(query + 1), version);
    }

    private static boolean startsWith(byte[] buf, int start, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (buf[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] buf, int start, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (buf[start + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    private static HttpException bad(String message) {
        return new HttpException(Status.BAD_REQUEST, message);
    }

    private static HttpException versionNotSupported() {
        return new HttpException(Status.HTTP_VERSION_NOT_SUPPORTED, "this server speaks HTTP/1.1 and HTTP/1.0 only");
    }
}
