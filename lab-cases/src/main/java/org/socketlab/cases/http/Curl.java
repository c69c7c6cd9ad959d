package org.socketlab.cases.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.socketlab.api.Actor;
import org.socketlab.api.TcpConnection;
import org.socketlab.cases.support.HttpResponseReader;

/** Plays curl/8.4.0 for the curl detective: the exact requests it sends, and what it prints when they end. */
final class Curl {
    static final String USER_AGENT = "curl/8.4.0";
    static final String EMPTY_REPLY = "curl: (52) Empty reply from server";
    static final String RESET = "curl: (56) Recv failure: Connection reset by peer";
    private static final int RECV_BYTES = 16 * 1024;
    /** Bounds what the lab keeps of a reply; the lesson needs none at all. */
    private static final int MAX_REPLY_BYTES = 4 * 1024 * 1024;

    /** How a request ended, seen from curl. */
    enum Ending {
        /** The server closed without answering: what the handout expects. */
        EMPTY_REPLY,
        /** The server answered something and closed. */
        RESPONSE,
        /** The connection failed while curl waited, typically reset: the server closed with unread bytes. */
        RECV_FAILED,
        /** No connection: nothing listens there, or the host name cannot be resolved. */
        NOT_CONNECTED,
        /** The request could not be sent whole. */
        SEND_FAILED,
        /** The server neither answered nor closed in time; real curl would wait for ever. */
        NO_REPLY
    }

    /** One of the handout's curl commands and the bytes curl sends for it. */
    record Request(String label, String command, byte[] bytes) {
    }

    /** What curl saw for one request, and the line it printed. */
    record Result(Ending ending, String message) {
    }

    private Curl() {
    }

    /**
     * The handout's three test requests, as curl/8.4.0 writes them. Above 1 MiB of body curl would add
     * {@code Expect: 100-continue}; 5000 bytes stay below, so every request goes out in one piece.
     *
     * @param authority the URL's {@code host:port}, which curl sends as {@code Host}
     */
    static List<Request> testRequests(String authority) {
        String url = "http://" + authority;
        String big = "X".repeat(5000);
        return List.of(
                new Request("GET /test", "curl " + url + "/test", head("GET", "/test", authority, "")),
                post("POST /test (small body)", "curl -X POST " + url + "/test -d \"Detective at work\"",
                        "/test", authority, "Detective at work"),
                post("POST /bigdata (5000-byte body)", "curl -X POST " + url
                        + "/bigdata -d \"$(python3 -c \"print('X'*5000)\")\"", "/bigdata", authority, big));
    }

    private static Request post(String label, String command, String path, String authority, String body) {
        // -d sends the data as a form: curl adds Content-Length and this Content-Type, in this order.
        String fields = "Content-Length: " + body.length() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n";
        byte[] head = head("POST", path, authority, fields);
        byte[] bodyBytes = body.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + bodyBytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bodyBytes, 0, all, head.length, bodyBytes.length);
        return new Request(label, command, all);
    }

    private static byte[] head(String method, String path, String authority, String moreFields) {
        return (method + " " + path + " HTTP/1.1\r\n"
                + "Host: " + authority + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Accept: */*\r\n"
                + moreFields
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Connects, sends the request in one write (as curl does with a small {@code -d} body), then reads
     * until the server closes, and prints what curl prints.
     */
    static Result exchange(Actor curl, String host, int port, Request request, Duration replyTimeout) {
        curl.note("$ " + request.command());
        long start = System.nanoTime();
        TcpConnection connection;
        try {
            connection = curl.connect(host, port);
        } catch (UnknownHostException e) {
            return printed(curl, Ending.NOT_CONNECTED, "curl: (6) Could not resolve host: " + host);
        } catch (IOException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            return printed(curl, Ending.NOT_CONNECTED, "curl: (7) Failed to connect to " + host + " port " + port
                    + " after " + ms + " ms: Couldn't connect to server");
        }
        try (connection) {
            try {
                connection.send(request.bytes());
            } catch (IOException e) {
                return printed(curl, Ending.SEND_FAILED, "curl: (55) Send failure: " + reason(e));
            }
            connection.setTimeout(replyTimeout);
            byte[] reply;
            try {
                reply = HttpResponseReader.read(connection, RECV_BYTES, MAX_REPLY_BYTES);
            } catch (SocketTimeoutException e) {
                return printed(curl, Ending.NO_REPLY, "curl: (28) Operation timed out after "
                        + replyTimeout.toMillis() + " milliseconds (as if run with -m: real curl waits)");
            } catch (IOException e) {
                return printed(curl, Ending.RECV_FAILED, "curl: (56) Recv failure: " + reason(e));
            }
            if (reply.length == 0) {
                return printed(curl, Ending.EMPTY_REPLY, EMPTY_REPLY);
            }
            // curl prints the body of a response on its standard output, not the head.
            new String(HttpResponseReader.body(reply), StandardCharsets.UTF_8).lines().forEach(curl::print);
            return new Result(Ending.RESPONSE, "a response of " + reply.length + " bytes: "
                    + new String(reply, 0, Math.min(reply.length, 64), StandardCharsets.UTF_8).lines().findFirst()
                    .orElse(""));
        }
    }

    private static Result printed(Actor curl, Ending ending, String line) {
        curl.print(line);
        return new Result(ending, line);
    }

    // curl words a reset as the C library does: "Connection reset by peer".
    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.equalsIgnoreCase("Connection reset") ? "Connection reset by peer" : message;
    }
}
