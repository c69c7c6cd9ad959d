package org.socketlab.cases.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Entities;
import org.socketlab.api.Actor;
import org.socketlab.api.RunContext;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.cases.support.HttpMessages;
import org.socketlab.cases.support.ServerMode;

/** The lab's solution to the request-info challenge, run by {@link RequestInfoServerCase} unless a target is set. */
final class RequestInfoReferenceServer {
    /** The endpoints the challenge answers with 200; every other path is 404. */
    private static final Set<String> KNOWN_PATHS = Set.of("/", "/hello", "/about");
    private static final int RECV_BYTES = 1024;
    private static final int MAX_HEAD_BYTES = 8 * 1024;
    private static final String INFO_PAGE = """
            <html>
            <body>
                <h1>Request Info</h1>
                <p><strong>Method:</strong> %s</p>
                <p><strong>Path:</strong> %s</p>
                <p><strong>Browser:</strong> %s</p>
            </body>
            </html>
            """;
    private static final String NOT_FOUND_PAGE = """
            <html>
            <body>
                <h1>404 Not Found</h1>
                <p>The page you requested does not exist.</p>
            </body>
            </html>
            """;

    private RequestInfoReferenceServer() {
    }

    /** @return whether the challenge answers this request-target with 200 (its query aside) */
    static boolean answers(String path) {
        int query = path.indexOf('?');
        return KNOWN_PATHS.contains(query < 0 ? path : path.substring(0, query));
    }

    /**
     * The reference solution: for each connection read the head, parse the request line and User-Agent,
     * route, answer and close; until {@code requests} connections were served, or the live time is up.
     *
     * @return the head of each request, in order
     */
    static List<byte[]> serve(RunContext context, ServerMode mode, TcpListener listener, int requests)
            throws Exception {
        Actor server = listener.actor();
        List<byte[]> heads = new ArrayList<>();
        try (listener) {
            for (int i = 0; i < requests; i++) {
                Optional<TcpConnection> accepted = mode.accept(listener);
                if (accepted.isEmpty()) {
                    break;
                }
                try (TcpConnection client = accepted.get()) {
                    mode.exchange(context, () -> {
                        byte[] head = readHead(client);
                        heads.add(head);
                        String requestLine = HttpMessages.firstLine(head);
                        byte[] response = respond(requestLine, HttpMessages.field(head, "User-Agent"));
                        server.print(requestLine + " -> " + HttpMessages.firstLine(response));
                        return client.send(response);
                    });
                }
            }
        }
        return heads;
    }

    private static byte[] respond(String requestLine, String agent) {
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            return page("400 Bad Request", "<html><body><h1>400 Bad Request</h1></body></html>\n");
        }
        if (!answers(parts[1])) {
            return page("404 Not Found", NOT_FOUND_PAGE);
        }
        // Escaped: the method, path and user agent come from the client, and are never echoed raw.
        return page("200 OK", INFO_PAGE.formatted(Entities.escape(parts[0]), Entities.escape(parts[1]),
                Entities.escape(agent == null ? "Unknown" : agent)));
    }

    private static byte[] page(String status, String html) {
        return HttpMessages.response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readHead(TcpConnection client) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (HttpMessages.headEnd(head.toByteArray()) < 0 && head.size() < MAX_HEAD_BYTES) {
            byte[] data = client.recv(RECV_BYTES);
            if (data.length == 0) {
                break;
            }
            head.writeBytes(data);
        }
        return head.toByteArray();
    }
}
