package org.socketlab.cases.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.TcpConnection;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.HttpMessages;
import org.socketlab.cases.support.PythonConsole;
import org.socketlab.cases.support.StandInWebServer;

/** Handout 001, Part 4: a raw HTTP GET over a TCP socket, read with recv(4096) until the server closes. */
public final class HttpManualClientCase implements LabCase {
    static final Program CLIENT = HandoutPrograms.verbatim("Client", "h001/http_manual_client.py");

    private static final int RECV_BYTES = 4096;
    private static final String STAND_IN_PAGE = """
            <!doctype html>
            <html>
            <head><title>Test Page for the Apache HTTP Server</title></head>
            <body>
            <h1>It works!</h1>
            <p>This page stands in for the Apache test page of the handout.</p>
            </body>
            </html>
            """;

    private static final CaseInfo INFO = CaseInfo.builder("http-manual-client")
            .title("Manual HTTP Client: curl from Scratch")
            .summary("Send a raw GET request over a TCP socket and read the raw HTTP response until the server closes.")
            .tags("http", "tcp", "client", "recv")
            .source("Handout 001, Part 4: Manual HTTP request (http_manual_client.py)")
            .group(Handouts.H001)
            .programs(CLIENT)
            .description("""
                    ## Scenario
                    `http_manual_client.py` connects to the web server on `localhost` port 80, sends \
                    `GET / HTTP/1.1` with the headers `Host: localhost` and `Connection: close` typed by hand, \
                    then calls `recv(4096)` in a loop until it returns nothing, and prints the raw response. \
                    The handout's Apache is not on a lab machine: a stand-in web server on loopback answers \
                    the way Apache does, with `HTTP/1.1 200 OK`, a few headers and its test page.

                    ## What to look for
                    - The **send** event is the whole request: the request line, two headers and the empty \
                    line (`\\r\\n\\r\\n`) that ends it. That is all HTTP asks of a client.
                    - The **recv** events: `Connection: close` tells the server to close after its response, so \
                    the last recv returns 0 bytes and the loop ends. That is how the client knows the \
                    response is complete.
                    - The response's head (status line, `Date`, `Server`, `Content-Type`, …), an empty line, \
                    then the HTML.

                    ## Try
                    - Set `host` to `localhost` and `port` to a web server you run yourself (Apache, \
                    `python -m http.server 8000`, …) to read its real response.
                    - Change `path` to a page that does not exist: the stand-in answers `404 Not Found`.
                    """)
            .build();

    private static final Param<String> HOST = Param.string("host", "",
            "Web server to ask, e.g. localhost; empty: the lab's stand-in for the handout's Apache");
    private static final Param<Integer> PORT = Param.integer("port", 80, 1, 65_535,
            "Port of that web server (unused with the stand-in)");
    private static final Param<String> PATH = Param.string("path", "/", "The path to GET, starting with /");
    private static final List<ParamSpec> PARAMS = Param.specs(HOST, PORT, PATH);

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
        String path = params.get(PATH);
        // RFC 9112 §3.2: the request-target is visible ASCII; a space or line break would break the request line.
        if (!path.startsWith("/") || !path.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidParamException("path", "must start with / and hold no spaces or control characters");
        }
        String host = params.get(HOST);
        if (!host.isBlank() && !host.trim().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidParamException("host", "must be a host name or IP address, without spaces");
        }
    }

    @Override
    public void run(RunContext context) throws Exception {
        Params params = context.params();
        String path = params.get(PATH);
        boolean standIn = params.get(HOST).isBlank();
        StandInWebServer apache = null;
        String host;
        int port;
        String hostHeader;
        if (standIn) {
            apache = StandInWebServer.builder(context, "Apache (stand-in)").response("/", apacheResponse()).start();
            context.note("A stand-in for the handout's Apache listens on loopback port " + apache.port() + ".");
            host = "localhost";
            port = apache.port();
            hostHeader = "localhost";
        } else {
            host = params.get(HOST).trim();
            port = params.get(PORT);
            // RFC 9110 §7.2: Host carries the port unless it is the scheme's default.
            hostHeader = port == 80 ? host : host + ":" + port;
        }

        Actor client = context.actor("Client");
        byte[] response;
        // Each step names its line of http_manual_client.py: two prints of it show no literal text.
        try (TcpConnection connection = client.at(CLIENT, "client_socket.connect").connect(host, port)) {
            client.at(CLIENT, "print(f\"Connected").print("Connected to " + host + ":" + port);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n";
            client.at(CLIENT, "client_socket.send");
            connection.send(request);
            client.at(CLIENT, "print(\"Sent").print("Sent HTTP request:");
            client.at(CLIENT, "print(http_request)");
            PythonConsole.print(client, request);
            client.at(CLIENT, "client_socket.recv");
            response = connection.recvUntilClosed(RECV_BYTES);
            client.at(CLIENT, "client_socket.close()");
        }
        client.at(CLIENT, "Received HTTP response");
        PythonConsole.print(client, "\nReceived HTTP response:");
        client.at(CLIENT, "print(response.decode())");
        PythonConsole.print(client, new String(response, StandardCharsets.UTF_8));
        if (apache != null) {
            apache.awaitDone();
        }
        check(context, response, standIn && path.equals("/"));
    }

    private static void check(RunContext context, byte[] response, boolean expectOk) {
        String statusLine = HttpMessages.firstLine(response);
        int status = HttpMessages.statusCode(response);
        context.check("The response starts with an HTTP status line", status > 0, "HTTP/1.1 <code> <reason>",
                statusLine.isEmpty() ? "(nothing: the server closed without answering)" : statusLine);
        if (expectOk) {
            context.checkEquals("The stand-in answered 200 OK", "HTTP/1.1 200 OK", statusLine);
        }
        String length = HttpMessages.field(response, "Content-Length");
        if (status > 0 && length != null && length.matches("\\d{1,9}")) {
            // Reading until close is only right if nothing is missing: compare with what the server announced.
            context.checkEquals("The whole body arrived before the server closed (Content-Length)",
                    Integer.parseInt(length) + " bytes", HttpMessages.body(response).length + " bytes");
        } else if (status > 0) {
            context.note("No Content-Length in the response: the server's close alone marks its end.");
        }
    }

    // The head Apache sends for its test page, with the real date.
    private static byte[] apacheResponse() {
        byte[] body = STAND_IN_PAGE.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\n"
                + "Date: " + HttpMessages.date() + "\r\n"
                + "Server: Apache/2.4.62 (Socket Lab stand-in)\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        return HttpMessages.message(head, body);
    }
}
