package org.socketlab.server.http;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Test bytes as they travel on the wire: one char per byte (ISO-8859-1), read without a socket. */
final class Wire {

    private Wire() {
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static RequestInput input(String latin1) {
        return new RequestInput(new ByteArrayInputStream(bytes(latin1)), null);
    }

    /** A request as the server would build it from "method target HTTP/1.1" and these fields. */
    static HttpRequest request(String method, String target, String... headerNamesAndValues) {
        byte[] line = bytes(method + " " + target + " HTTP/1.1");
        RequestLine parsed = RequestLineParser.parse(line, 0, line.length);
        return new HttpRequest(parsed.method(), parsed.target(), RequestReader.decodedPath(parsed), parsed.rawQuery(),
                parsed.version(), Headers.of(headerNamesAndValues), null, null, null);
    }
}
