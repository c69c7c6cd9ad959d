package org.socketlab.cases.tcp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.socketlab.cases.support.StandInWebServer;

/** Handout 003, 2c–2f: create a socket, connect (an open and a closed port), send {@code GET / HTTP/1.1}, recv. */
public final class SocketBasicsCase implements LabCase {
    static final Program CLIENT = HandoutPrograms.reconstructed("Client", "h003/socket_examples.py",
            "The handout's steps 2c to 2f (socketExample1.py to socketExample4.py) as one program; the "
                    + "handout shows them as screenshots.");

    /** The handout's message: an HTTP command for the main page, with no header line at all. */
    static final String MESSAGE = "GET / HTTP/1.1\r\n\r\n";
    private static final String CONNECTED = "connected: something listens on that port";
    private static final Duration CLOSED_PORT_TIMEOUT = Duration.ofSeconds(2);
    private static final String PAGE = "<!doctype html><html><head><title>Search (stand-in for google.com)</title>"
            + "</head><body><p>The main page of the website.</p></body></html>";

    private static final CaseInfo INFO = CaseInfo.builder("socket-basics")
            .title("Socket basics: create, connect, send, recv")
            .summary("The four socket examples: create a TCP socket, connect to an open and a closed port, send, receive.")
            .tags("tcp", "client", "connect", "errors", "recv")
            .source("Handout 003, 2c-2f: create a socket, connect, send and receive")
            .group(Handouts.H003)
            .programs(CLIENT)
            .description("""
                    ## Scenario
                    The handout's `socketExample1.py` to `socketExample4.py` in one run. A TCP socket \
                    (`AF_INET`, `SOCK_STREAM`) is created; it connects to port 80 of a web server (the \
                    handout uses google.com; a stand-in on loopback answers here), and a second socket tries a \
                    port where nothing listens. The first socket sends the handout's message \
                    `GET / HTTP/1.1\\r\\n\\r\\n`, receives the reply with one `recv(4096)` and closes.

                    ## What to look for
                    - **connect** to the open port succeeds; to the closed port it ends in an **error**: \
                    `Connection refused` (on a remote host a firewall may drop the attempt instead, and it \
                    times out). Trying ports one after another this way is a port scanner.
                    - The **send** of 18 bytes: the request line and the empty line that ends the request.
                    - The **recv**: the server's answer, starting with `HTTP/1.1 200 OK`.

                    ## Try
                    - Set `closedPort` to the stand-in's port in an earlier transcript: it is closed again now.
                    - Aim `host` and `port` at another server on this machine.
                    """)
            .build();

    private static final Param<String> HOST = Param.string("host", "",
            "Server to connect to; empty: a stand-in for google.com on loopback");
    private static final Param<Integer> PORT = Param.integer("port", 80, 1, 65_535,
            "Open port of the server named by host (the stand-in picks its own)");
    private static final Param<Integer> CLOSED_PORT = Param.integer("closedPort", 0, 0, 65_535,
            "A port where nothing listens; 0: one the lab finds free");
    private static final Param<Integer> BUFFER_SIZE = Param.integer("bufferSize", 4096, 1, 65_536,
            "How many bytes the recv asks for");
    private static final List<ParamSpec> PARAMS = Param.specs(HOST, PORT, CLOSED_PORT, BUFFER_SIZE);

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
        if (params.get(HOST).trim().chars().anyMatch(c -> c <= ' ' || c == '/')) {
            throw new InvalidParamException("host", "must be a host name or IP address, without spaces or '/'");
        }
    }

    @Override
    public void run(RunContext context) throws Exception {
        Params params = context.params();
        boolean standIn = params.get(HOST).isBlank();
        Actor client = context.actor("Client");
        StandInWebServer google = standIn
                ? StandInWebServer.builder(context, "google (stand-in)").page("/", "text/html; charset=ISO-8859-1", PAGE).start()
                : null;
        String host = standIn ? "127.0.0.1" : params.get(HOST).trim();
        int port = standIn ? google.port() : params.get(PORT);
        int closedPort = params.get(CLOSED_PORT) == 0 ? context.freePort() : params.get(CLOSED_PORT);
        if (standIn) {
            context.note("google.com is not reachable from the lab: a stand-in answers on " + host + ":" + port + ".");
        }

        client.print("Socket Created");
        String reply;
        try (TcpConnection socket = client.connect(host, port)) {
            client.print("Socket Connected to " + host + " on port " + port);
            String closed = tryClosedPort(client, host, closedPort);
            context.check("The connection to the closed port failed", !closed.equals(CONNECTED),
                    "connect to port " + closedPort + " fails (refused or timed out)", closed);
            socket.send(MESSAGE);
            client.print("Message send successfully");
            reply = new String(socket.recv(params.get(BUFFER_SIZE)), StandardCharsets.UTF_8);
            for (String line : reply.split("\r?\n", -1)) {
                client.print(line);
            }
        }
        if (google != null) {
            google.awaitDone();
        }
        String statusLine = reply.lines().findFirst().orElse("");
        String[] status = statusLine.split(" ", 3);
        boolean ok = status.length >= 2 && status[0].startsWith("HTTP/") && status[1].equals("200");
        if (!ok && status.length >= 2 && status[1].equals("400")) {
            // RFC 9112 §3.2: an HTTP/1.1 request without Host must be answered with 400; google.com lets it pass.
            context.note("The handout's request has no Host header, which HTTP/1.1 requires (RFC 9112 §3.2): "
                    + "google.com answers anyway, a stricter server such as nginx answers 400 Bad Request.");
        }
        context.check("The server answered GET / with 200 OK", ok,
                "HTTP/1.1 200 OK", statusLine.isEmpty() ? "nothing" : statusLine);
    }

    /** socketExample2 aimed at a port that is not open: refused on loopback, often timed out on the Internet. */
    private static String tryClosedPort(Actor client, String host, int closedPort) {
        String result;
        String printed;
        try (TcpConnection ignored = client.connect(host, closedPort, CLOSED_PORT_TIMEOUT)) {
            client.print("Socket Connected to " + host + " on port " + closedPort);
            return CONNECTED;
        } catch (ConnectException e) {
            result = "Connection refused";
            printed = "[Errno 111] Connection refused";
        } catch (SocketTimeoutException e) {
            result = "Connection timed out";
            printed = "[Errno 110] Connection timed out";
        } catch (IOException e) {
            result = e.getMessage();
            printed = result;
        }
        // The program prints str(msg) of the socket.error, as Python words it on Linux.
        client.print("Failed to connect to port " + closedPort + ": " + printed);
        return result;
    }
}
