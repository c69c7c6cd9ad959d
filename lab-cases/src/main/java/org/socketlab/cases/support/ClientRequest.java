package org.socketlab.cases.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socketlab.api.RunContext;

/**
 * What the student's own HTTP client (a browser, curl, their {@code client.py}) sent to a lab server in live
 * mode, read from the bytes the server received, and the checks that judge it.
 *
 * @param requestLine the first line, without its line break; empty when nothing came
 * @param method      the method, or {@code null} when the first line is not a request line
 * @param path        the request-target, or {@code null}
 * @param userAgent   the {@code User-Agent} field, or {@code null} when there is none
 */
public record ClientRequest(String requestLine, String method, String path, String userAgent) {
    // RFC 9112 §3: method SP request-target SP HTTP-version.
    private static final Pattern REQUEST_LINE = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\\S+) HTTP/\\d\\.\\d");

    /**
     * @param received the bytes a lab server received on one connection, at least the head when it came
     * @return what they say
     */
    public static ClientRequest parse(byte[] received) {
        String line = HttpMessages.firstLine(received);
        Matcher matcher = REQUEST_LINE.matcher(line);
        boolean request = matcher.matches();
        return new ClientRequest(line, request ? matcher.group(1) : null, request ? matcher.group(2) : null,
                HttpMessages.field(received, "User-Agent"));
    }

    /** @return whether the first line is a request line */
    public boolean isRequest() {
        return method != null;
    }

    /**
     * Checks that the client's request {@code number} has a request line: a method, a path and a version.
     *
     * @param context the run
     * @param number  which request of the run, from 1
     * @return whether it has
     */
    public boolean checkRequestLine(RunContext context, int number) {
        return context.check(ServerMode.YOUR_CLIENT + "'s request " + number + " has a method, a path and a version",
                isRequest(), "a request line such as GET / HTTP/1.1",
                requestLine.isEmpty() ? "nothing: your client sent no request" : requestLine);
    }

    /**
     * Checks that the client's request {@code number} names itself in a {@code User-Agent} field, as browsers
     * and curl do (RFC 9110 §10.1.5).
     *
     * @param context the run
     * @param number  which request of the run, from 1
     * @return whether it does
     */
    public boolean checkUserAgent(RunContext context, int number) {
        return context.check(ServerMode.YOUR_CLIENT + "'s request " + number + " has a User-Agent", userAgent != null
                && !userAgent.isBlank(), "a User-Agent field, e.g. curl/8.4.0", userAgent == null ? "none" : userAgent);
    }

    /**
     * Checks that the server read request {@code number} whole: its head up to the blank line, then as many body
     * bytes as its {@code Content-Length} says (RFC 9112 §6.3).
     *
     * @param context  the run
     * @param number   which request of the run, from 1
     * @param received the bytes the server read of it
     * @return whether it was whole
     */
    public static boolean checkWhole(RunContext context, int number, byte[] received) {
        int headEnd = HttpMessages.headEnd(received);
        long expected = headEnd < 0 ? -1 : headEnd + HttpRequestReader.contentLength(received, headEnd);
        boolean whole = isWhole(received);
        return context.check("The server read all of your client's request " + number, whole,
                headEnd < 0 ? "a head that ends with an empty line" : expected + " bytes (head and Content-Length body)",
                received.length + " bytes" + (headEnd < 0 ? ", without the empty line that ends the head" : ""));
    }

    /**
     * @param received the bytes a server read of one request
     * @return whether they hold the whole request: the head up to its blank line, then as many body bytes as
     *         its {@code Content-Length} says (RFC 9112 §6.3)
     */
    public static boolean isWhole(byte[] received) {
        int headEnd = HttpMessages.headEnd(received);
        return headEnd >= 0 && received.length >= headEnd + HttpRequestReader.contentLength(received, headEnd);
    }
}
