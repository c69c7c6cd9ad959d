package org.socketlab.cases.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.HostPort;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.ClientRequest;
import org.socketlab.cases.support.CounterStart;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.HttpMessages;
import org.socketlab.cases.support.PythonConsole;
import org.socketlab.cases.support.ServerMode;

/** Handout 001, Part 4 step 5: an HTTP server built on a bare socket that counts its visitors. */
public final class HttpVisitorServerCase implements LabCase {
    static final Program SERVER = HandoutPrograms.verbatim("HTTP server", "h001/http_simple_server.py");

    private static final int SERVER_RECV_BYTES = 1024;
    private static final int BROWSER_RECV_BYTES = 4096;
    private static final Pattern VISITOR = Pattern.compile("You are visitor #(\\d{1,9})");
    /** The handout's f-string, line breaks and indentation included: its lines end in a bare \n. */
    private static final String RESPONSE_TEMPLATE = """
            HTTP/1.1 200 OK
            Content-Type: text/html
            Connection: close

            <!DOCTYPE html>
            <html>
            <head><title>Socket Server</title></head>
            <body>
                <h1>Hello from a Socket!</h1>
                <p>This is raw HTTP over TCP.</p>
                <p>No Flask, no http.server - just sockets!</p>
                <p><strong>You are visitor #%d</strong></p>
            </body>
            </html>
            """;

    private static final CaseInfo INFO = CaseInfo.builder("http-visitor-server")
            .title("HTTP Server with a Visitor Counter")
            .summary("An HTTP server made of a bare TCP socket serves a page that counts its visitors.")
            .tags("http", "tcp", "server", "counter", "html")
            .source("Handout 001, Part 4, Step 5: Build your own HTTP server (http_simple_server.py)")
            .group(Handouts.H001)
            .programs(SERVER)
            .description("""
                    ## Scenario
                    `http_simple_server.py` is a TCP server that speaks just enough HTTP: for each connection \
                    it adds one to its request counter, reads the request with one `recv(1024)`, prints the \
                    request line, sends a fixed `HTTP/1.1 200 OK` response whose HTML says \
                    `You are visitor #N`, and closes. A browser stand-in opens the page three times, as you \
                    would by reloading it.

                    ## What to look for
                    - The browser's **send**: a request line, headers and an empty line. The server only looks \
                    at the first line.
                    - The server's **send**: the status line, three headers, an empty line, then the HTML. The \
                    handout's lines end in a bare `\\n` instead of HTTP's `\\r\\n`; browsers and curl accept \
                    that, as RFC 9112 §2.2 allows them to.
                    - The server **closes** after each response: with `Connection: close` and no \
                    `Content-Length`, the close is what tells the browser the page is complete.
                    - The visitor number goes up with every request, because the counter lives in the server.

                    ## Try
                    - Raise `visits` and watch the counter.
                    - Set `target` to `127.0.0.1:8000` while your own `http_simple_server.py` runs: the \
                    browser stand-in visits your server and checks that the number goes up by one each time.
                    - Set `listenPort` and open `http://127.0.0.1:PORT/` in your browser (or `curl` it) while \
                    the lab's server waits: every load counts a visitor.
                    """)
            .build();

    private static final Param<Integer> VISITS = Param.integer("visits", 3, 1, 20,
            "How many times the browser stand-in loads the page");
    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("HTTP server");
    private static final List<ParamSpec> PARAMS = Param.specs(VISITS, TARGET, ServerMode.LISTEN_PORT,
            ServerMode.LIVE_SECONDS);

    @Override
    public CaseInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public void validate(Params params) {
        ServerMode.validate(params, TARGET);
    }

    @Override
    public Duration timeLimit(Params params, Duration standard) {
        return ServerMode.timeLimit(params, standard);
    }

    @Override
    public void run(RunContext context) throws Exception {
        Params params = context.params();
        int visits = params.get(VISITS);
        ServerMode mode = ServerMode.of(params, TARGET);
        if (mode.yourServer()) {
            mode.noteYourServer(context);
            checkPages(context, visit(context, mode, mode.target(), visits), false);
            return;
        }
        Actor server = context.actor("HTTP server");
        TcpListener listener = mode.listenHttp(context, server);
        // The handout binds 0.0.0.0; the lab binds loopback only, so the URL names 127.0.0.1.
        server.print("HTTP Server running on http://127.0.0.1:" + listener.port());
        server.print("Open your browser and visit the URL above");
        server.print("Press Ctrl+C to stop");
        if (mode.yourClient()) {
            List<byte[]> requests = serve(context, mode, server, listener, visits);
            for (int i = 0; i < requests.size(); i++) {
                ClientRequest.parse(requests.get(i)).checkRequestLine(context, i + 1);
            }
            mode.checkClientCame(context, visits);
            return;
        }
        Task<List<byte[]>> serverTask = context.supply("HTTP server",
                () -> serve(context, mode, server, listener, visits));
        List<String> seen = visit(context, mode, new HostPort("127.0.0.1", listener.port()), visits);
        serverTask.join();
        checkPages(context, seen, true);
    }

    // The browser stand-in loads the page `visits` times; a visit the student's server fails ends the visits.
    private static List<String> visit(RunContext context, ServerMode mode, HostPort address, int visits)
            throws Exception {
        Actor browser = context.actor("Browser");
        List<String> seen = new ArrayList<>();
        for (int i = 1; i <= visits; i++) {
            Optional<byte[]> response = mode.exchange(context, () -> visit(browser, address));
            if (response.isEmpty()) {
                break;
            }
            context.check("Visit " + i + " is answered 200 OK", HttpMessages.statusCode(response.get()) == 200,
                    "HTTP/1.1 200 OK", statusOf(response.get()));
            if (i == 1 && bareLineFeeds(response.get())) {
                context.note("The response's lines end in a bare \\n, not \\r\\n: browsers accept it (RFC 9112 §2.2).");
            }
            seen.add(visitorLine(response.get()));
            browser.print("Browser shows: " + (seen.get(i - 1) == null ? "(no visitor number)" : seen.get(i - 1)));
        }
        return seen;
    }

    private static void checkPages(RunContext context, List<String> seen, boolean ownServer) {
        if (seen.isEmpty()) {
            return;
        }
        int first = CounterStart.of(VISITOR, seen.get(0), ownServer, context, "visitor(s)");
        for (int i = 0; i < seen.size(); i++) {
            String expected = "You are visitor #" + (first + i);
            context.checkEquals("Visit " + (i + 1) + " shows visitor #" + (first + i), expected,
                    seen.get(i) == null ? "(no 'You are visitor #N' in the page)" : seen.get(i));
        }
    }

    // http_simple_server.py, stopped after the visits of this run instead of Ctrl+C (or when the live time is up).
    private static List<byte[]> serve(RunContext context, ServerMode mode, Actor server, TcpListener listener,
                                      int visits) throws Exception {
        List<byte[]> requests = new ArrayList<>();
        try (listener) {
            for (int count = 1; count <= visits; count++) {
                Optional<TcpConnection> accepted = mode.accept(listener);
                if (accepted.isEmpty()) {
                    break;
                }
                int number = count;
                try (TcpConnection client = accepted.get()) {
                    PythonConsole.print(server, "\nRequest #" + number + " from "
                            + PythonConsole.address(client.remote()));
                    mode.exchange(context, () -> {
                        byte[] request = client.recv(SERVER_RECV_BYTES);
                        server.print("Request received:");
                        server.print(new String(request, StandardCharsets.UTF_8).split("\r\n", -1)[0]);
                        requests.add(request);
                        return client.send(RESPONSE_TEMPLATE.formatted(number));
                    });
                }
            }
        }
        return requests;
    }

    // What a browser does for one page load: a GET on a new connection, read until the server closes.
    private static byte[] visit(Actor browser, HostPort address) throws Exception {
        try (TcpConnection connection = browser.connect(address.host(), address.port())) {
            connection.send("GET / HTTP/1.1\r\n"
                    + "Host: " + address.host() + ":" + address.port() + "\r\n"
                    + "User-Agent: Mozilla/5.0 (Socket Lab browser stand-in)\r\n"
                    + "Accept: text/html\r\n"
                    + "Connection: close\r\n"
                    + "\r\n");
            return connection.recvUntilClosed(BROWSER_RECV_BYTES);
        }
    }

    private static String statusOf(byte[] response) {
        return response.length == 0 ? "nothing: the connection closed without an answer" : HttpMessages.firstLine(response);
    }

    private static String visitorLine(byte[] response) {
        String html = new String(HttpMessages.body(response), StandardCharsets.UTF_8);
        Matcher matcher = VISITOR.matcher(Jsoup.parse(html).text());
        return matcher.find() ? matcher.group() : null;
    }

    private static boolean bareLineFeeds(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return end > 0 && text.charAt(end - 1) != '\r';
    }
}
