package org.socketlab.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An immutable response: a status, header fields and either a fixed body or a {@link BodyWriter}.
 * The server adds Date, Server, Content-Length or Transfer-Encoding, and Connection itself.
 */
public final class HttpResponse {

    /** The media type of {@link #text}. */
    public static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
    /** The media type of {@link #json}; RFC 8259 §11 defines no charset parameter for it. */
    public static final String APPLICATION_JSON = "application/json";

    // The API answers every request with one of these; validating the same value each time showed in
    // profiles, so their fields are built once.
    private static final Headers JSON_FIELDS = Headers.of("Content-Type", APPLICATION_JSON);
    private static final Headers JSON_UTF8_FIELDS = Headers.of("Content-Type", APPLICATION_JSON + "; charset=utf-8");
    private static final Headers TEXT_FIELDS = Headers.of("Content-Type", TEXT_PLAIN_UTF8);

    private final Status status;
    private final Headers headers;
    private final byte[] body;
    private final BodyWriter writer;

    private HttpResponse(Status status, Headers headers, byte[] body, BodyWriter writer) {
        this.status = Objects.requireNonNull(status, "status");
        this.headers = headers;
        this.body = body;
        this.writer = writer;
    }

    /**
     * A response with a fixed body; the array is not copied, so do not modify it afterwards.
     *
     * @param contentType the Content-Type, or null to send none
     */
    public static HttpResponse of(Status status, String contentType, byte[] body) {
        Objects.requireNonNull(body, "body");
        return new HttpResponse(status, contentTypeHeader(contentType), body, null);
    }

    /** A text/plain response in UTF-8. */
    public static HttpResponse text(Status status, String text) {
        return of(status, TEXT_PLAIN_UTF8, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An application/json response in UTF-8; the JSON is sent as given. */
    public static HttpResponse json(Status status, String json) {
        return of(status, APPLICATION_JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A response without a body, e.g. 204 or a redirect. */
    public static HttpResponse empty(Status status) {
        return new HttpResponse(status, Headers.empty(), BodyReader.NO_BODY, null);
    }

    /**
     * A response whose body is written while it is sent: chunked to HTTP/1.1 clients (RFC 9112
     * §7.1), delimited by closing the connection for HTTP/1.0 clients (RFC 9112 §6.3 item 8).
     *
     * @param contentType the Content-Type, or null to send none
     */
    public static HttpResponse streaming(Status status, String contentType, BodyWriter writer) {
        Objects.requireNonNull(writer, "writer");
        return new HttpResponse(status, contentTypeHeader(contentType), null, writer);
    }

    /**
     * A copy with this field set, replacing any field of the same name.
     *
     * @throws IllegalArgumentException if the name is not a token or the value holds CR, LF or NUL
     */
    public HttpResponse withHeader(String name, String value) {
        return new HttpResponse(status, headers.without(name).with(name, value), body, writer);
    }

    /** A copy with one more field of this name, keeping those already there (e.g. Set-Cookie). */
    public HttpResponse withAddedHeader(String name, String value) {
        return new HttpResponse(status, headers.with(name, value), body, writer);
    }

    /** A copy with another status. */
    public HttpResponse withStatus(Status newStatus) {
        return new HttpResponse(newStatus, headers, body, writer);
    }

    public Status status() {
        return status;
    }

    /** The fields set by the handler; the server's own fields are not among them. */
    public Headers headers() {
        return headers;
    }

    /** The fixed body, not copied; empty for a streaming response. */
    public byte[] body() {
        return body == null ? BodyReader.NO_BODY : body;
    }

    /** Whether the body is produced by a {@link BodyWriter} while sending. */
    public boolean isStreaming() {
        return writer != null;
    }

    /** The writer of a streaming response, or null. */
    BodyWriter writer() {
        return writer;
    }

    private static Headers contentTypeHeader(String contentType) {
        if (contentType == null) {
            return Headers.empty();
        }
        for (Headers common : new Headers[] {JSON_UTF8_FIELDS, JSON_FIELDS, TEXT_FIELDS}) {
            if (common.value(0).equals(contentType)) {
                return common;
            }
        }
        return Headers.of("Content-Type", contentType);
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + (isStreaming() ? ", streaming" : ", " + body.length + " bytes") + "]";
    }
}
