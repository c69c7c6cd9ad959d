package org.socketlab.cases.udp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.Datagram;
import org.socketlab.api.HostPort;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.UdpEndpoint;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.ServerMode;
import org.socketlab.cases.support.UppercasePrograms;

/** Handout 004, 1.2: a UDP server turns each datagram into uppercase and sends it back to its sender. */
public final class UdpUppercaseCase implements LabCase {
    static final Program SERVER = HandoutPrograms.verbatim("Server", "h004/udp_server.py");
    static final Program CLIENT = HandoutPrograms.verbatim("Client", "h004/udp_client.py");

    /** The Python client waits for the reply forever; the lab gives a silent server this long. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(2);

    private static final CaseInfo INFO = CaseInfo.builder("udp-uppercase")
            .title("UDP Uppercase Server")
            .summary("The client sends a sentence in one UDP datagram and the server sends it back in capitals.")
            .tags("udp", "server", "client", "recvfrom")
            .source("Handout 004, 1.2: UDP uppercase server and client")
            .group(Handouts.H004)
            .programs(SERVER, CLIENT)
            .description("""
                    ## Scenario
                    `udp_server.py` binds a UDP socket and prints `The server is ready to receive`. In a loop \
                    it calls `recvfrom(2048)`, turns a-z into A-Z and sends the result with `sendto` to the \
                    address the datagram came from. `udp_client.py` asks for a lowercase sentence, sends it \
                    with `sendto`, waits in `recvfrom(2048)` and prints the reply: `HELLO WORLD`.

                    ## What to look for
                    - There is no connect and no accept: the client's first event is a **send** straight to \
                    the server's port. UDP has no connection to set up.
                    - The server's **recv** names the client's address: that is how it knows where to reply.
                    - Each datagram arrives whole: the server gets the whole sentence in one recvfrom, and \
                    only a-z change in the reply.

                    ## Try
                    - Set `message` to `Hello &*! World`: the reply is `HELLO &*! WORLD`.
                    - Start your own UDP uppercase server and set `target` to its `host:port`: the reference \
                    client and the checks run against it. A server that never answers shows up as a \
                    `recvfrom` time-out after 2 seconds and a failed check.
                    - Set `listenPort` and run your own `udp_client.py`, or `nc -u 127.0.0.1 PORT`, while the \
                    lab's server waits: the transcript shows your datagram and the capitals sent back.
                    """)
            .build();

    private static final Param<String> MESSAGE = UppercasePrograms.MESSAGE;
    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("UDP uppercase server");
    private static final List<ParamSpec> PARAMS = Param.specs(MESSAGE, TARGET, ServerMode.LISTEN_PORT,
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
        String sentence = context.params().get(MESSAGE);
        ServerMode mode = ServerMode.of(context.params(), TARGET);
        if (mode.yourClient()) {
            serveYourClient(context, mode);
            return;
        }
        Duration replyTimeout = context.ioTimeout().compareTo(REPLY_TIMEOUT) < 0 ? context.ioTimeout() : REPLY_TIMEOUT;
        String reply;
        try (UdpEndpoint socket = context.actor("Client").udp()) {
            socket.setTimeout(replyTimeout);
            if (mode.yourServer()) {
                mode.noteYourServer(context);
                reply = UppercasePrograms.udpClient(socket, mode.target().host(), mode.target().port(), sentence);
            } else {
                Actor server = context.actor("Server");
                try (UdpEndpoint serverSocket = server.bindUdp(0)) {
                    server.print(UppercasePrograms.READY);
                    Task<String> serving = UppercasePrograms.serveUdpOnce(context, serverSocket);
                    reply = UppercasePrograms.udpClient(socket, "127.0.0.1", serverSocket.port(), sentence);
                    serving.join();
                }
            }
        }
        if (reply == null) {
            context.note("No datagram came back within " + replyTimeout.toMillis()
                    + " ms: the handout's client would still be waiting in recvfrom.");
        }
        if (reply == null && mode.yourServer()) {
            mode.yourProgram().noDatagram(context, replyTimeout);
            return;
        }
        UppercasePrograms.checkReply(context, sentence, reply);
    }

    // Live mode: one turn of udp_server.py's loop for the student's own udp_client.py (or nc -u).
    private static void serveYourClient(RunContext context, ServerMode mode) throws Exception {
        Actor server = context.actor("Server");
        try (UdpEndpoint socket = mode.bindUdp(context, server)) {
            server.print(UppercasePrograms.READY);
            Optional<Datagram> message = mode.receive(socket, UppercasePrograms.UDP_RECV_BYTES);
            if (message.isPresent()) {
                socket.reply(message.get(), UppercasePrograms.upper(message.get().data()));
                UppercasePrograms.checkClientSentence(context, message.get().data(), UppercasePrograms.UDP_RECV_BYTES);
            }
            mode.checkClientCame(context, 1);
        }
    }
}
