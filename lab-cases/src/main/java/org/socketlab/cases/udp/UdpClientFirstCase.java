package org.socketlab.cases.udp;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.UdpEndpoint;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.UppercasePrograms;

/** Handout 004, Q2: the UDP client runs before the server; no error, and its datagram is lost. */
public final class UdpClientFirstCase implements LabCase {
    static final Program SERVER = HandoutPrograms.verbatim("Server", "h004/udp_server.py");
    static final Program CLIENT = HandoutPrograms.verbatim("Client", "h004/udp_client.py");

    private static final String NOTHING = "nothing";

    private static final CaseInfo INFO = CaseInfo.builder("udp-client-first")
            .title("UDP Client Before the Server")
            .summary("Run the UDP client before the server: no error, and the datagram is silently lost.")
            .tags("udp", "client", "errors", "recvfrom", "timeout")
            .source("Handout 004, Q2: running the UDP client before the UDP server")
            .group(Handouts.H004)
            .programs(SERVER, CLIENT)
            .description("""
                    ## Scenario
                    The student starts `udp_client.py` first and `udp_server.py` afterwards. The client asks \
                    for a sentence and sends it with `sendto`: no error, since UDP sends without any \
                    connection. Nothing is bound to the server's port, so the datagram is dropped. The \
                    client then waits in `recvfrom` for a reply that never comes; the server, started a \
                    moment later, never receives the sentence either.

                    ## What to look for
                    - The client's **send** succeeds: no error event next to it.
                    - There is no **recv** on any server: the datagram was not queued anywhere, and starting \
                    the server later does not bring it back.
                    - The client's `recvfrom` and the late server's `recvfrom` both end in a time-out \
                    (`timeoutMs`). The handout's client has no time-out and would wait forever.

                    ## Try
                    - Set `serverFirst` to see the right order: the server receives the sentence and the \
                    client prints `HELLO WORLD`.
                    - Compare with `tcp-client-first`, where the same mistake is refused at once.
                    """)
            .build();

    private static final Param<Boolean> SERVER_FIRST = Param.bool("serverFirst", false,
            "Start the server before the client (the right order); off: the client runs first");
    private static final Param<Integer> TIMEOUT_MS = Param.integer("timeoutMs", 300, 50, 2_000,
            "How long each recvfrom waits before the lab stops it, in milliseconds");
    private static final List<ParamSpec> PARAMS = Param.specs(SERVER_FIRST, UppercasePrograms.MESSAGE, TIMEOUT_MS);

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
        Duration timeout = Duration.ofMillis(context.params().get(TIMEOUT_MS));
        Actor server = context.actor("Server");
        try (UdpEndpoint client = context.actor("Client").udp()) {
            client.setTimeout(timeout);
            if (context.params().get(SERVER_FIRST)) {
                try (UdpEndpoint serverSocket = server.bindUdp(0)) {
                    serverSocket.setTimeout(timeout);
                    server.print(UppercasePrograms.READY);
                    Task<String> serving = UppercasePrograms.serveUdpOnce(context, serverSocket);
                    String reply = UppercasePrograms.udpClient(client, "127.0.0.1", serverSocket.port(), sentence);
                    context.checkEquals("With the server bound first, it receives the sentence", sentence,
                            serving.join());
                    context.checkEquals("The client gets its sentence back in capitals",
                            UppercasePrograms.upper(sentence), reply);
                }
                return;
            }
            // A free port stands for the handout's fixed server port: nothing is bound to it yet.
            int port = context.freeUdpPort();
            context.note("The client starts first: nothing is bound to UDP port " + port + " yet.");
            String reply = UppercasePrograms.udpClient(client, "127.0.0.1", port, sentence);
            context.note("sendto returned without an error: UDP hands the datagram to the network and checks "
                    + "nothing. With no socket on port " + port + " the datagram is dropped, and the client waits "
                    + "for a reply that cannot come (the handout's client would wait forever).");
            context.checkEquals("No reply reaches the client", "no reply", reply == null ? "no reply" : reply);

            String received = lateServer(server, port, timeout);
            context.checkEquals("The server started afterwards receives nothing: the datagram is lost", NOTHING,
                    received);
        }
    }

    /** Starts the server after the client sent, on the port the client used, and waits once for a datagram. */
    private static String lateServer(Actor server, int port, Duration timeout) throws Exception {
        try (UdpEndpoint socket = server.bindUdp(port)) {
            socket.setTimeout(timeout);
            server.print(UppercasePrograms.READY);
            try {
                return socket.receive(UppercasePrograms.UDP_RECV_BYTES).text();
            } catch (SocketTimeoutException nothingCame) {
                return NOTHING;
            }
        }
    }
}
