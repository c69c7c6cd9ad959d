package org.socketlab.server.http;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request as a handler sees it, body read in full.
 *
 * @param method     the method, e.g. "GET"
 * @param target     the request-target as received, e.g. "/api/cases?tag=tcp"
 * @param path       the percent-decoded path of the target, without the query
 * @param rawQuery   the query as received, without "?"; null if the target has none
 * @param version    "HTTP/1.1" or "HTTP/1.0"
 * @param headers    the header fields
 * @param body       the body, empty if none; not copied, so handlers must not modify it
 * @param remote     the client's address; null only in tests that build requests by hand
 * @param pathParams values captured by the {@link Router} from the path, decoded
 */
public record HttpRequest(String method, String target, String path, String rawQuery, String version,
                          Headers headers, byte[] body, InetSocketAddress remote, Map<String, String> pathParams) {

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? BodyReader.NO_BODY : body;
        pathParams = pathParams == null || pathParams.isEmpty() ? Map.of() : Map.copyOf(pathParams);
    }

    /** The value captured for {name} in the route pattern, or null if there is none. */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /**
     * The query parsed as application/x-www-form-urlencoded: names in order of first appearance,
     * each with its values in order, all decoded ("+" is a space).
     *
     * @throws HttpException 400 if the query holds a malformed percent-encoding
     */
    public Map<String, List<String>> queryParams() {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentDecoder.decodeQueryPart(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : PercentDecoder.decodeQueryPart(pair.substring(equals + 1));
            params.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
        }
        params.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(params);
    }

    /** A copy of this request with these path parameters instead of the current ones. */
    public HttpRequest withPathParams(Map<String, String> params) {
        return new HttpRequest(method, target, path, rawQuery, version, headers, body, remote, params);
    }

    /**
     * Whether the client wants the connection kept open after this exchange: HTTP/1.1 unless it
     * sent {@code Connection: close}, HTTP/1.0 only with {@code Connection: keep-alive}
     * (RFC 9112 §9.3).
     */
    public boolean keepAlive() {
        if (RequestLine.HTTP_1_1.equals(version)) {
            return !headers.containsToken("Connection", "close");
        }
        return headers.containsToken("Connection", "keep-alive") && !headers.containsToken("Connection", "close");
    }

    /**
     * The path of the target still percent-encoded, for matching segment by segment before
     * decoding each one: "/a%2Fb" is one segment, while {@link #path()} reads "/a/b".
     */
    public String rawPath() {
        return RequestTarget.rawPath(target);
    }

    /** Whether this is a HEAD request, answered like GET without the body. */
    boolean isHead() {
        return method.equals("HEAD");
    }
}
