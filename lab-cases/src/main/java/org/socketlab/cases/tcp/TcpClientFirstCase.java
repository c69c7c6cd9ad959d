package org.socketlab.cases.tcp;

import java.net.ConnectException;
import java.util.List;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.UppercasePrograms;

/** Handout 004, Q1: the TCP client runs before the server, and its connect is refused. */
public final class TcpClientFirstCase implements LabCase {
    static final Program SERVER = HandoutPrograms.verbatim("Server", "h004/tcp_server.py");
    static final Program CLIENT = HandoutPrograms.verbatim("Client", "h004/tcp_client.py");

    private static final String REFUSED = "Connection refused";

    private static final CaseInfo INFO = CaseInfo.builder("tcp-client-first")
            .title("TCP Client Before the Server")
            .summary("Run the TCP client before the server: its connect is refused at once.")
            .tags("tcp", "client", "errors", "connect")
            .source("Handout 004, Q1: running the TCP client before the TCP server")
            .group(Handouts.H004)
            .programs(SERVER, CLIENT)
            .description("""
                    ## Scenario
                    The student starts `tcp_client.py` first and `tcp_server.py` afterwards. The client's very \
                    first step is `connect`, and nothing listens on the server's port yet: the handout's Python 2 \
                    stops with a traceback ending `socket.error: [Errno 111] Connection refused` (Python 3, \
                    parameter `python`, calls it `ConnectionRefusedError`, the name the handout's answer uses). \
                    The server, started a moment later, waits for a client that \
                    has already given up.

                    ## What to look for
                    - The client's **error** event: `Connection refused`, right away. On loopback the \
                    operating system answers the connection request with a reset because no socket listens \
                    on that port; the client does not even get to its prompt.
                    - The server's **listen** comes after the error, on the same port: too late.
                    - TCP needs a listening server before any data can flow: the handshake is part of connect.

                    ## Try
                    - Set `serverFirst` to see the right order: listen, connect, accept, the sentence and \
                    `From Server: HELLO WORLD`.
                    - Compare with `udp-client-first`, where the same mistake raises no error at all.
                    """)
            .build();

    private static final Param<Boolean> SERVER_FIRST = Param.bool("serverFirst", false,
            "Start the server before the client (the right order); off: the client runs first");
    private static final List<ParamSpec> PARAMS = Param.specs(SERVER_FIRST, UppercasePrograms.MESSAGE,
            UppercasePrograms.PYTHON);

    @Override
    public CaseInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public void run(RunContext context) throws Exception {
        String sentence = context.params().get(UppercasePrograms.MESSAGE);
        Actor client = context.actor("Client");
        Actor server = context.actor("Server");
        if (context.params().get(SERVER_FIRST)) {
            try (TcpListener listener = server.listen()) {
                server.print(UppercasePrograms.READY);
                Task<String> serving = UppercasePrograms.serveTcpOnce(context, listener);
                String reply = UppercasePrograms.tcpClient(client, "127.0.0.1", listener.port(), sentence);
                serving.join();
                context.checkEquals("With the server listening first, the client gets its sentence back in capitals",
                        UppercasePrograms.upper(sentence), reply);
            }
            return;
        }
        // The handout's programs share a fixed port; here a free one stands for it, and nobody listens on it yet.
        int port = context.freePort();
        context.note("The client starts first: nothing listens on 127.0.0.1:" + port + " yet.");
        String outcome;
        try (TcpConnection unexpected = client.connect("127.0.0.1", port)) {
            outcome = "connected to " + unexpected.remote();
        } catch (ConnectException refused) {
            // The traceback is the connect line's: Python stops there.
            client.at(CLIENT, "clientSocket.connect");
            UppercasePrograms.printRefused(client, context.params().get(UppercasePrograms.PYTHON));
            outcome = REFUSED;
        }
        context.note("The server is not running, so no socket listens on port " + port + ": the operating system "
                + "answers the client's connection request with a reset and connect() fails at once. A TCP "
                + "connection can only be set up with a server that is already listening and accepting.");
        try (TcpListener late = server.listen(port)) {
            server.print(UppercasePrograms.READY);
            context.note("The server now listens on port " + late.port() + ", but the client has already given up: "
                    + "run the client again now (or set serverFirst) and it connects.");
        }
        context.checkEquals("The client's connect is refused: no server listens yet", REFUSED, outcome);
    }
}
