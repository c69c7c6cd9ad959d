package org.socketlab.server.http;

/**
 * A parsed request line (RFC 9112 §3).
 *
 * @param method   a supported method, e.g. "GET"
 * @param target   the request-target as received
 * @param rawPath  the path of the target, still percent-encoded ("*" for OPTIONS *)
 * @param rawQuery the query of the target without "?", or null if it has none
 * @param version  "HTTP/1.1" or "HTTP/1.0"
 */
record RequestLine(String method, String target, String rawPath, String rawQuery, String version) {

    static final String HTTP_1_1 = "HTTP/1.1";
    static final String HTTP_1_0 = "HTTP/1.0";

    boolean isHttp11() {
        return HTTP_1_1.equals(version);
    }
}
