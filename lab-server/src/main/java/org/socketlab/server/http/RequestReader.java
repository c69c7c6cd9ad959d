package org.socketlab.server.http;

import java.io.EOFException;
import java.io.IOException;

/** Reads requests from a connection's input: the head, checked as a whole, then the body. */
final class RequestReader {

    // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request-line.
    private static final int MAX_LEADING_EMPTY_LINES = 4;

    private final RequestInput input;
    private final HttpServerConfig config;
    private final RecentStrings recent;

    RequestReader(RequestInput input, HttpServerConfig config) {
        this(input, config, RecentStrings.NONE);
    }

    RequestReader(RequestInput input, HttpServerConfig config, RecentStrings recent) {
        this.input = input;
        this.config = config;
        this.recent = recent;
    }

    /**
     * Reads the request line.
     *
     * @return the line, or null if the stream ended before a request started
     * @throws HttpException with the status to answer if the line is not acceptable
     * @throws EOFException  if the stream ended inside the line
     */
    RequestLine readRequestLine() throws IOException {
        int length = 0;
        for (int skipped = 0; length == 0 && skipped <= MAX_LEADING_EMPTY_LINES; skipped++) {
            length = input.readLine(config.maxRequestLineBytes(), Status.URI_TOO_LONG, "the request line");
        }
        if (length < 0) {
            return null;
        }
        if (length == 0) {
            throw new HttpException(Status.BAD_REQUEST, "the request starts with too many empty lines");
        }
        return RequestLineParser.parse(input.buffer(), input.lineStart(), length, recent);
    }

    /**
     * Reads the header fields that follow the request line and checks the head as a whole.
     *
     * @throws HttpException with the status to answer if the head is not acceptable
     * @throws EOFException  if the stream ended inside the head
     */
    RequestHead readHead(RequestLine line) throws IOException {
        Headers headers = HeadersParser.parse(input, config.maxHeaderBytes(), Status.REQUEST_HEADER_FIELDS_TOO_LARGE, recent);
        checkHost(headers, line.isHttp11());
        String path = decodedPath(line);
        long bodyLength = BodyFraming.declaredLength(headers, line.isHttp11(), config.maxBodyBytes());
        return new RequestHead(line, path, headers, bodyLength, expectsContinue(headers, line.isHttp11()));
    }

    /**
     * The percent-decoded path of the line's target.
     *
     * @throws HttpException 400 if it is not valid percent-encoded UTF-8
     */
    static String decodedPath(RequestLine line) {
        return line.rawPath().equals("*") ? "*" : PercentDecoder.decodePath(line.rawPath());
    }

    /**
     * Reads the body the head declared.
     *
     * @throws HttpException 400 for broken chunked framing, 413 past the limit
     */
    byte[] readBody(RequestHead head) throws IOException {
        return BodyReader.read(input, head.bodyLength(), config.maxBodyBytes(), config.maxHeaderBytes());
    }

    /**
     * Reads the body the head declared and drops it.
     *
     * @throws HttpException 400 for broken chunked framing, 413 past the limit
     */
    void discardBody(RequestHead head) throws IOException {
        BodyReader.discard(input, head.bodyLength(), config.maxBodyBytes(), config.maxHeaderBytes());
    }

    private static void checkHost(Headers headers, boolean http11) {
        int hosts = headers.count("Host");
        // RFC 9112 §3.2: 400 for an HTTP/1.1 request without Host, for any request with more
        // than one, or with an invalid value.
        if (hosts == 0 && http11) {
            throw new HttpException(Status.BAD_REQUEST, "an HTTP/1.1 request must have a Host header");
        }
        if (hosts > 1) {
            throw new HttpException(Status.BAD_REQUEST, "a request must not have more than one Host header");
        }
        if (hosts == 1 && !isValidHost(headers.get("Host"))) {
            throw new HttpException(Status.BAD_REQUEST, "the Host header is not a valid host and port");
        }
    }

    private static boolean isValidHost(String host) {
        // Host = uri-host [ ":" port ] (RFC 9110 §7.2); empty is allowed when the target URI has
        // no authority.
        for (int i = 0; i < host.length(); i++) {
            if (!Grammar.isHostChar(host.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean expectsContinue(Headers headers, boolean http11) {
        String expect = headers.get("Expect");
        if (expect == null || !http11) {
            // RFC 9110 §10.1.1: a 100-continue expectation in an HTTP/1.0 request MUST be ignored.
            return false;
        }
        if (headers.count("Expect") > 1 || !expect.equalsIgnoreCase("100-continue")) {
            // RFC 9110 §10.1.1: 100-continue is the only expectation defined; others → 417.
            throw new HttpException(Status.EXPECTATION_FAILED, "the only expectation this server meets is 100-continue");
        }
        return true;
    }
}
