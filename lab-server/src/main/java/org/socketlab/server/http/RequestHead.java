package org.socketlab.server.http;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A request whose head has been read and validated, before its body.
 *
 * @param line            the request line
 * @param path            the decoded path
 * @param headers         the header fields
 * @param bodyLength      the declared body length, or {@link BodyFraming#CHUNKED}
 * @param expectsContinue whether the client waits for 100 Continue before sending its body
 */
record RequestHead(RequestLine line, String path, Headers headers, long bodyLength, boolean expectsContinue) {

    /** The request with this body. */
    HttpRequest toRequest(byte[] body, InetSocketAddress remote) {
        return new HttpRequest(line.method(), line.target(), path, line.rawQuery(), line.version(), headers, body,
                remote, Map.of());
    }

    boolean hasBody() {
        return bodyLength != 0;
    }
}
