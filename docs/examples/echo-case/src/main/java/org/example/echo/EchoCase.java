package org.example.echo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.Datagram;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.api.UdpEndpoint;

/**
 * An echo server and its client. The client sends a message and the server sends back every byte it receives.
 * Over TCP the server reads with a small buffer, so the transcript shows one message arriving in several
 * {@code recv} calls and still coming back whole; over UDP each datagram is read once, and whatever does not
 * fit the buffer is lost.
 */
public final class EchoCase implements LabCase {
    private static final CaseInfo INFO = CaseInfo.builder("echo")
            .title("Echo, echo")
            .summary("A client sends a message and an echo server sends every byte back, over TCP or UDP.")
            .tags("tcp", "udp", "echo", "example")
            .source("Socket Lab plugin example: docs/examples/echo-case")
            .group("Plugin examples")
            .description("""
                    ## Scenario
                    The client sends a message to an echo server, which sends back every byte it receives. The \
                    client prints what came back.

                    ## What to look for
                    - Over **TCP** the server asks for `bufferSize` bytes per `recv`, so a longer message arrives \
                    in several pieces. It sends each piece straight back and stops when a `recv` returns 0 bytes: \
                    the client has called `shutdown(SHUT_WR)` to say it has nothing more to send.
                    - Over **UDP** there is no stream: the message is one datagram and the server reads it with \
                    one `recvfrom(bufferSize)`. Whatever does not fit is lost.

                    ## Try
                    - Set `bufferSize` to 1: one `recv` per byte, the same echo.
                    - Switch `transport` to `udp`: with the default buffer of 4 bytes the echo is cut short and \
                    the check fails. Raise `bufferSize` to 64 and it passes.
                    """)
            .build();

    // Typed handles: read as params.get(MESSAGE), so a misspelt name is a compile error, not a failed run.
    static final Param<String> TRANSPORT = Param.choice("transport", "tcp", List.of("tcp", "udp"),
            "TCP (a stream of bytes) or UDP (datagrams)");
    static final Param<String> MESSAGE = Param.string("message", "Hello, echo!", "What the client sends");
    static final Param<Integer> BUFFER_SIZE = Param.integer("bufferSize", 4, 1, UdpEndpoint.MAX_DATAGRAM_BYTES,
            "How many bytes the server asks for in each recv");
    private static final List<ParamSpec> PARAMS = Param.specs(TRANSPORT, MESSAGE, BUFFER_SIZE);

    /** How many bytes the client asks for in each read of the echo. */
    private static final int CLIENT_BUFFER_BYTES = 1024;

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
        if (params.get(MESSAGE).isEmpty()) {
            throw new InvalidParamException("message", "must not be empty: an empty datagram or stream echoes nothing");
        }
    }

    @Override
    public void run(RunContext context) throws Exception {
        Params params = context.params();
        String message = params.get(MESSAGE);
        int bufferSize = params.get(BUFFER_SIZE);
        String echo = params.get(TRANSPORT).equals("tcp")
                ? overTcp(context, message, bufferSize)
                : overUdp(context, message, bufferSize);
        context.actor("Client").print("Client got back: '" + echo + "'");
        context.checkEquals("The echo is the message", message, echo);
    }

    private static String overTcp(RunContext context, String message, int bufferSize) throws Exception {
        Actor server = context.actor("Server");
        Actor client = context.actor("Client");
        try (TcpListener listener = server.listen()) {
            server.print("Echo server listening on port " + listener.port());
            // The client runs beside the server, on a thread of its own, as a separate program would.
            Task<String> echo = context.supply("Client", () -> {
                try (TcpConnection connection = client.connect("127.0.0.1", listener.port())) {
                    connection.send(message);
                    connection.shutdownOutput();
                    return new String(connection.recvUntilClosed(CLIENT_BUFFER_BYTES), StandardCharsets.UTF_8);
                }
            });
            try (TcpConnection connection = listener.accept()) {
                byte[] piece;
                while ((piece = connection.recv(bufferSize)).length > 0) {
                    connection.send(piece);
                }
            }
            return echo.join();
        }
    }

    private static String overUdp(RunContext context, String message, int bufferSize) throws Exception {
        Actor server = context.actor("Server");
        Actor client = context.actor("Client");
        try (UdpEndpoint socket = server.bindUdp(0)) {
            server.print("Echo server waiting for datagrams on port " + socket.port());
            Task<String> echo = context.supply("Client", () -> {
                try (UdpEndpoint udp = client.udp()) {
                    udp.send(message, "127.0.0.1", socket.port());
                    return udp.receive(CLIENT_BUFFER_BYTES).text();
                }
            });
            Datagram datagram = socket.receive(bufferSize);
            socket.reply(datagram, datagram.data());
            int sent = message.getBytes(StandardCharsets.UTF_8).length;
            if (datagram.data().length < sent) {
                context.note("The datagram had " + sent + " bytes but the server read it with recvfrom(" + bufferSize
                        + "): the other " + (sent - datagram.data().length) + " bytes were lost.");
            }
            return echo.join();
        }
    }
}
