package org.socketlab.server.http;

import java.nio.charset.StandardCharsets;

/** The HTTP status codes this server sends, with their reason phrases (RFC 9110 §15). */
public enum Status {
    CONTINUE(100, "Continue"),
    OK(200, "OK"),
    CREATED(201, "Created"),
    ACCEPTED(202, "Accepted"),
    NO_CONTENT(204, "No Content"),
    MOVED_PERMANENTLY(301, "Moved Permanently"),
    FOUND(302, "Found"),
    SEE_OTHER(303, "See Other"),
    NOT_MODIFIED(304, "Not Modified"),
    TEMPORARY_REDIRECT(307, "Temporary Redirect"),
    PERMANENT_REDIRECT(308, "Permanent Redirect"),
    BAD_REQUEST(400, "Bad Request"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not Found"),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    NOT_ACCEPTABLE(406, "Not Acceptable"),
    REQUEST_TIMEOUT(408, "Request Timeout"),
    CONFLICT(409, "Conflict"),
    GONE(410, "Gone"),
    LENGTH_REQUIRED(411, "Length Required"),
    PRECONDITION_FAILED(412, "Precondition Failed"),
    // RFC 9110 §15.5.14 renamed "Payload Too Large" to "Content Too Large".
    PAYLOAD_TOO_LARGE(413, "Content Too Large"),
    URI_TOO_LONG(414, "URI Too Long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    EXPECTATION_FAILED(417, "Expectation Failed"),
    MISDIRECTED_REQUEST(421, "Misdirected Request"),
    // RFC 9110 §15.5.21 renamed "Unprocessable Entity" to "Unprocessable Content".
    UNPROCESSABLE_CONTENT(422, "Unprocessable Content"),
    TOO_MANY_REQUESTS(429, "Too Many Requests"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(431, "Request Header Fields Too Large"),
    INTERNAL_SERVER_ERROR(500, "Internal Server Error"),
    NOT_IMPLEMENTED(501, "Not Implemented"),
    BAD_GATEWAY(502, "Bad Gateway"),
    SERVICE_UNAVAILABLE(503, "Service Unavailable"),
    GATEWAY_TIMEOUT(504, "Gateway Timeout"),
    HTTP_VERSION_NOT_SUPPORTED(505, "HTTP Version Not Supported");

    private static final Status[] BY_CODE = new Status[600];

    static {
        for (Status status : values()) {
            BY_CODE[status.code] = status;
        }
    }

    private final int code;
    private final String reason;
    // Encoded once so that writing a response never formats its status line.
    private final byte[] statusLine;

    Status(int code, String reason) {
        this.code = code;
        this.reason = reason;
        this.statusLine = ("HTTP/1.1 " + code + " " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The three-digit status code. */
    public int code() {
        return code;
    }

    /** The reason phrase, e.g. "Not Found". */
    public String reason() {
        return reason;
    }

    /** Whether this is a 4xx or 5xx status. */
    public boolean isError() {
        return code >= 400;
    }

    /**
     * The status with this code.
     *
     * @throws IllegalArgumentException if this enum has no such code
     */
    public static Status of(int code) {
        Status status = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (status == null) {
            throw new IllegalArgumentException("unknown status code " + code);
        }
        return status;
    }

    /** "HTTP/1.1 code reason CRLF" as bytes; callers must not modify the array. */
    byte[] statusLine() {
        return statusLine;
    }

    /**
     * Whether a response with this status never has content, so no Content-Length either for
     * 1xx and 204 (RFC 9110 §8.6, §15.3.5) and no body for 304 (RFC 9110 §15.4.5).
     */
    boolean forbidsContent() {
        return code < 200 || code == 204 || code == 304;
    }

    @Override
    public String toString() {
        return code + " " + reason;
    }
}
