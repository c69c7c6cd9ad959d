package org.socketlab.cases.tcp;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.TcpListener;
import org.socketlab.api.UdpEndpoint;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.UppercasePrograms;

/**
 * Handout 004, Q3: client and server use different port numbers. Refused for TCP, silently lost for UDP;
 * it lives in the tcp package with its sibling {@link TcpClientFirstCase}, though it runs both protocols.
 */
public final class MismatchedPortsCase implements LabCase {
    static final Program TCP_CLIENT = HandoutPrograms.verbatim("TCP client", "h004/tcp_client.py");
    static final Program TCP_SERVER = HandoutPrograms.verbatim("TCP server", "h004/tcp_server.py");
    static final Program UDP_CLIENT = HandoutPrograms.verbatim("UDP client", "h004/udp_client.py");
    static final Program UDP_SERVER = HandoutPrograms.verbatim("UDP server", "h004/udp_server.py");

    private static final String REFUSED = "Connection refused";
    private static final String NOTHING = "nothing";

    private static final CaseInfo INFO = CaseInfo.builder("mismatched-ports")
            .title("Client and Server on Different Ports")
            .summary("The client aims at another port than the server's: refused for TCP, silently lost for UDP.")
            .tags("tcp", "udp", "client", "server", "errors", "ports")
            .source("Handout 004, Q3: different port numbers on the client and server sides")
            .group(Handouts.H004)
            .programs(TCP_CLIENT, TCP_SERVER, UDP_CLIENT, UDP_SERVER)
            .description("""
                    ## Scenario
                    The uppercase server runs, but the client was given another port number. For TCP the \
                    client's `connect` fails with `socket.error: [Errno 111] Connection refused` (Python 2, as in the \
                    handout; `ConnectionRefusedError` with `python` 3): nothing listens on the port it \
                    asked for. For UDP the client's `sendto` succeeds, the datagram is dropped because no \
                    socket is bound to that port, and the client waits for a reply that never comes, while \
                    the real server waits for a datagram that never comes.

                    ## What to look for
                    - The **listen** event of each server shows its port; the client's **connect** or \
                    **send** names a different one.
                    - TCP: an **error** event `Connection refused` at once, and no **accept** on the server.
                    - UDP: a **send** with no error, no **recv** on the server, and both `recvfrom` calls \
                    ending in a time-out (`timeoutMs`; the handout's programs would wait forever).

                    ## Try
                    - Set `protocol` to `tcp` or `udp` to look at one of them alone.
                    - Set `samePort` to give the client the server's port: both exchanges work and print \
                    `From Server: HELLO WORLD` and `HELLO WORLD`.
                    """)
            .build();

    private static final Param<String> PROTOCOL = Param.choice("protocol", "both", List.of("both", "tcp", "udp"),
            "Which client/server pair to run");
    private static final Param<Boolean> SAME_PORT = Param.bool("samePort", false,
            "Give the client the server's port (the fix); off: another port");
    private static final Param<Integer> TIMEOUT_MS = Param.integer("timeoutMs", 300, 50, 2_000,
            "How long each UDP recvfrom waits before the lab stops it, in milliseconds");
    private static final List<ParamSpec> PARAMS = Param.specs(PROTOCOL, SAME_PORT, UppercasePrograms.MESSAGE,
            UppercasePrograms.PYTHON, TIMEOUT_MS);

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
        Params params = context.params();
        String protocol = params.get(PROTOCOL);
        String sentence = params.get(UppercasePrograms.MESSAGE);
        boolean samePort = params.get(SAME_PORT);
        if (!protocol.equals("udp")) {
            runTcp(context, sentence, samePort);
        }
        if (!protocol.equals("tcp")) {
            runUdp(context, sentence, samePort, Duration.ofMillis(params.get(TIMEOUT_MS)));
        }
    }

    private static void runTcp(RunContext context, String sentence, boolean samePort) throws Exception {
        Actor server = context.actor("TCP server");
        Actor client = context.actor("TCP client");
        try (TcpListener listener = server.listen()) {
            server.print(UppercasePrograms.READY);
            Task<String> serving = UppercasePrograms.serveTcpOnce(context, listener);
            // A port nobody listens on stands for the student's typo; the listening port is never handed out.
            int port = samePort ? listener.port() : context.freePort();
            context.note("TCP: the server listens on port " + listener.port() + ", the client connects to port "
                    + port + ".");
            if (samePort) {
                String reply = UppercasePrograms.tcpClient(client, "127.0.0.1", port, sentence);
                serving.join();
                context.checkEquals("TCP: on the same port the client gets its sentence back in capitals",
                        UppercasePrograms.upper(sentence), reply);
                return;
            }
            String outcome;
            try {
                outcome = "connected; reply '" + UppercasePrograms.tcpClient(client, "127.0.0.1", port, sentence) + "'";
            } catch (ConnectException refused) {
                // The traceback is the connect line's: Python stops there.
                client.at(TCP_CLIENT, "clientSocket.connect");
                UppercasePrograms.printRefused(client, context.params().get(UppercasePrograms.PYTHON));
                outcome = REFUSED;
            }
            context.note("TCP: no socket listens on port " + port + ", so the connection request is refused at "
                    + "once; the server on port " + listener.port() + " never hears of it.");
            listener.close();
            String received = serving.join();
            context.checkEquals("TCP: the client's connect to the wrong port is refused", REFUSED, outcome);
            context.checkEquals("TCP: the server accepts no connection", "no connection",
                    received == null ? "no connection" : "received '" + received + "'");
        }
    }

    private static void runUdp(RunContext context, String sentence, boolean samePort, Duration timeout)
            throws Exception {
        Actor server = context.actor("UDP server");
        try (UdpEndpoint serverSocket = server.bindUdp(0); UdpEndpoint client = context.actor("UDP client").udp()) {
            serverSocket.setTimeout(timeout);
            client.setTimeout(timeout);
            server.print(UppercasePrograms.READY);
            Task<String> serving = UppercasePrograms.serveUdpOnce(context, serverSocket);
            int port = samePort ? serverSocket.port() : context.freeUdpPort();
            context.note("UDP: the server is bound to port " + serverSocket.port() + ", the client sends to port "
                    + port + ".");
            String reply = UppercasePrograms.udpClient(client, "127.0.0.1", port, sentence);
            String received = serving.join();
            if (samePort) {
                context.checkEquals("UDP: on the same port the client gets its sentence back in capitals",
                        UppercasePrograms.upper(sentence), reply);
                return;
            }
            context.note("UDP: sendto reported no error, yet no socket is bound to port " + port
                    + ": the datagram was dropped, and neither side hears from the other.");
            context.checkEquals("UDP: the server receives nothing: the datagram is lost", NOTHING,
                    received == null ? NOTHING : received);
            context.checkEquals("UDP: no reply reaches the client", "no reply", reply == null ? "no reply" : reply);
        }
    }
}
