package org.socketlab.cases.support;

import java.nio.charset.StandardCharsets;

/** Builds and reads the raw HTTP/1.1 messages that the cases send by hand, as the handouts do. */
public final class HttpMessages {
    private HttpMessages() {
    }

    /**
     * A complete response with {@code Content-Length} and {@code Connection: close}.
     *
     * @param status the status code and reason, e.g. {@code "200 OK"}
     * @param contentType the body's media type
     * @param body the body
     * @return the bytes of the whole response
     */
    public static byte[] response(String status, String contentType, byte[] body) {
        String head = "HTTP/1.1 " + status + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /**
     * Where the head of a message ends: just past the first empty line. RFC 9112 §2.2 lets a recipient
     * accept a bare LF as a line terminator, and some of the handouts' servers send exactly that.
     *
     * @param data the bytes received so far
     * @return the index of the body's first byte, or -1 if the empty line has not come yet
     */
    public static int headEnd(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] != '\n') {
                continue;
            }
            if (i + 1 < data.length && data[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < data.length && data[i + 1] == '\r' && data[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /**
     * The path of a request's first line ({@code GET /index.html HTTP/1.1} → {@code /index.html}), without
     * its query.
     *
     * @param request the request bytes, at least its first line
     * @return the path, or {@code ""} when the line is malformed
     */
    public static String requestPath(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf("\r\n");
        String line = lineEnd < 0 ? text : text.substring(0, lineEnd);
        String[] parts = line.split(" ");
        if (parts.length != 3) {
            return "";
        }
        int query = parts[1].indexOf('?');
        return query < 0 ? parts[1] : parts[1].substring(0, query);
    }

    /**
     * The status code of a response's first line ({@code HTTP/1.1 404 Not Found} → 404).
     *
     * @param response the response bytes, at least its first line
     * @return the code, or -1 when the line is not a status line
     */
    public static int statusCode(byte[] response) {
        String text = new String(response, 0, Math.min(response.length, 64), StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/") || text.length() < 12 || text.charAt(8) != ' ') {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
