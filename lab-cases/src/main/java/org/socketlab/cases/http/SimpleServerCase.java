package org.socketlab.cases.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.HostPort;
import org.socketlab.api.InvalidParamException;
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
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.HttpResponseParts;
import org.socketlab.cases.support.HttpResponseReader;
import org.socketlab.cases.support.ServerMode;

/** Handout 002, simple_server.py: a hand-written HTTP server that a browser can read. */
public final class SimpleServerCase implements LabCase {
    /** Bounds what the browser stand-in keeps of one response. */
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    static final Program PROGRAM = HandoutPrograms.reconstructed("Server", "h002/simple_server.py",
            "Rebuilt from the handout's description and its screenshot of the server's console.");
    static final String PAGE_TEXT = "Congratulations! You've downloaded the first Wireshark lab file!";
    private static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<html>" + PAGE_TEXT + "</html>\r\n";
    private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(2);

    private static final CaseInfo INFO = CaseInfo.builder("simple-server")
            .title("A simple HTTP server for a browser")
            .summary("A server written with raw sockets answers a browser's request with a small HTML page.")
            .tags("tcp", "http", "server")
            .source("Handout 002, 2.3: Simple HTTP server (simple_server.py)")
            .group(Handouts.H002)
            .programs(PROGRAM)
            .description("""
                    ## Scenario
                    `simple_server.py` listens on 127.0.0.1, accepts a connection, prints who connected and the \
                    raw request it received (as Python prints bytes: `b'GET / HTTP/1.1\\r\\n...'`), then sends a \
                    status line, a `Content-Type` header, a blank line and a one-line HTML page, and closes. A \
                    reference client plays the browser: it sends what Safari sends and renders the page.

                    ## What to look for
                    - The browser's **send**: a request line and header lines (`Host`, `User-Agent`, \
                    `Accept`, ...) ending with an empty line.
                    - The server's **send**: `HTTP/1.1 200 OK`, `Content-Type: text/html`, an empty line, \
                    the page. There is no `Content-Length`: the browser knows the page is over when the server \
                    **closes** and its last **recv** returns 0 bytes.

                    ## Try
                    - Run your own `simple_server.py` and put its address in `target` (e.g. `127.0.0.1:8080`): \
                    the reference browser and the checks aim at your server instead.
                    - Set `listenPort` and open `http://127.0.0.1:PORT/` in your browser, or `curl` it, while \
                    the lab's server waits: the transcript shows your client's request and the page it got.
                    """)
            .build();

    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("simple_server.py");
    private static final List<ParamSpec> PARAMS = Param.specs(TARGET, ServerMode.LISTEN_PORT, ServerMode.LIVE_SECONDS);

    @Override
    public CaseInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public void validate(Params params) throws InvalidParamException {
        ServerMode.validate(params, TARGET);
    }

    @Override
    public Duration timeLimit(Params params, Duration standard) {
        return ServerMode.timeLimit(params, standard);
    }

    @Override
    public void run(RunContext context) throws Exception {
        ServerMode mode = ServerMode.of(context.params(), TARGET);
        if (mode.yourServer()) {
            mode.noteYourServer(context);
            Optional<byte[]> received = mode.exchange(context, () -> browse(context, mode.target()));
            if (received.isPresent()) {
                checkPage(context, HttpResponseParts.parse(received.get()), false);
            }
            return;
        }
        TcpListener listener = mode.listenHttp(context, context.actor("Server"));
        Task<byte[]> server = serve(context, mode, listener);
        if (mode.yourClient()) {
            byte[] request = server.join();
            if (request != null) {
                ClientRequest.parse(request).checkRequestLine(context, 1);
            }
            mode.checkClientCame(context, 1);
            return;
        }
        byte[] received = browse(context, new HostPort("127.0.0.1", listener.port()));
        server.join();
        checkPage(context, HttpResponseParts.parse(received), true);
    }

    private static byte[] browse(RunContext context, HostPort address) throws Exception {
        Actor browser = context.actor("Browser");
        try (TcpConnection socket = browser.connect(address.host(), address.port())) {
            socket.setTimeout(context.ioTimeout().compareTo(BROWSER_TIMEOUT) < 0 ? context.ioTimeout() : BROWSER_TIMEOUT);
            socket.send("GET / HTTP/1.1\r\nHost: " + address.host() + ":" + address.port() + "\r\n"
                    + "User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Version/18.5 Safari/605.1.15\r\n"
                    + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                    + "Accept-Language: en-US,en;q=0.9\r\nAccept-Encoding: gzip, deflate\r\n"
                    + "Connection: keep-alive\r\n\r\n");
            // Without Content-Length the page ends when the server closes, as the browser in the handout saw it;
            // a server of yours that sends one and keeps the connection alive is read to its length.
            return HttpResponseReader.read(socket, 4096, MAX_RESPONSE_BYTES);
        }
    }

    private static void checkPage(RunContext context, HttpResponseParts response, boolean reference) {
        String shown = Jsoup.parse(response.bodyText()).text();
        context.actor("Browser").note("The browser shows: " + shown);
        context.check("The server answered 200 OK", response.statusCode() == 200, "HTTP/1.1 200 OK",
                response.statusLine().isEmpty() ? "nothing" : response.statusLine());
        String type = response.header("Content-Type").orElse("");
        context.check("The page is sent as HTML", type.toLowerCase(Locale.ROOT).startsWith("text/html"),
                "Content-Type: text/html", type.isEmpty() ? "no Content-Type header" : "Content-Type: " + type);
        if (reference) {
            context.checkEquals("The browser shows the page", PAGE_TEXT, shown);
        } else {
            context.check("The browser shows some text", !shown.isBlank(), "a page with visible text",
                    shown.isBlank() ? "an empty page" : shown);
        }
    }

    /**
     * The reference simple_server.py: accept, then a thread that does one recv(1024), sends the fixed page,
     * prints what it sent between {@code >>>>>>>} and {@code <<<<<<<<}, and closes. One connection per run. Its
     * value is the request received, or {@code null} when no client came in live time.
     */
    private static Task<byte[]> serve(RunContext context, ServerMode mode, TcpListener listener) {
        Actor server = listener.actor();
        server.at(PROGRAM, "print(f\"HTTP Server listening").print("HTTP Server listening on " + listener.local());
        return context.supply("Server", () -> {
            try (listener) {
                server.at(PROGRAM, "server_socket.accept()");
                Optional<TcpConnection> accepted = mode.accept(listener);
                if (accepted.isEmpty()) {
                    return null;
                }
                try (TcpConnection connection = accepted.get()) {
                    String peer = pythonAddress(connection.remote());
                    server.at(PROGRAM, "print(f\"Connection from").print("Connection from " + peer);
                    return mode.exchange(context, () -> answer(server, connection, peer)).orElse(new byte[0]);
                }
            }
        });
    }

    private static byte[] answer(Actor server, TcpConnection connection, String peer) throws Exception {
        server.at(PROGRAM, "client_socket.recv(1024)");
        byte[] data = connection.recv(1024);
        server.at(PROGRAM, "print(f\"Connected by").print("Connected by " + peer);
        server.at(PROGRAM, "print(f\"Received").print("Received: " + pythonBytes(data));
        server.at(PROGRAM, "client_socket.send");
        connection.send(RESPONSE.getBytes(StandardCharsets.UTF_8));
        server.at(PROGRAM, "Sending>").print("Sending>>>>>>>");
        server.at(PROGRAM, "print(\"HTTP/1.1 200 OK\")").print("HTTP/1.1 200 OK");
        server.at(PROGRAM, "print(\"Content-Type").print("Content-Type: text/html; charset=UTF-8");
        server.at(PROGRAM, "print(PAGE)").print("<html>" + PAGE_TEXT + "</html>");
        server.at(PROGRAM, "<<<<<<<<").print("<<<<<<<<");
        server.at(PROGRAM, "client_socket.close()");
        return data;
    }

    /** {@code 127.0.0.1:51820} as Python prints the address tuple: {@code ('127.0.0.1', 51820)}. */
    static String pythonAddress(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        return "('" + endpoint.substring(0, colon).replace("[", "").replace("]", "") + "', "
                + endpoint.substring(colon + 1) + ")";
    }

    /** Bytes as Python 3 prints a {@code bytes} value: {@code b'GET / HTTP/1.1\r\n...'}. */
    static String pythonBytes(byte[] data) {
        boolean single = !(contains(data, '\'') && !contains(data, '"'));
        char quote = single ? '\'' : '"';
        StringBuilder text = new StringBuilder("b").append(quote);
        for (byte b : data) {
            int c = b & 0xff;
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c == quote) {
                        text.append('\\').append((char) c);
                    } else if (c < 0x20 || c >= 0x7f) {
                        text.append(String.format("\\x%02x", c));
                    } else {
                        text.append((char) c);
                    }
                }
            }
        }
        return text.append(quote).toString();
    }

    private static boolean contains(byte[] data, char c) {
        for (byte b : data) {
            if (b == c) {
                return true;
            }
        }
        return false;
    }
}
