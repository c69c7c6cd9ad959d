package org.socketlab.cases.udp;

import java.time.Duration;
import java.util.List;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.LabCase;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.UdpEndpoint;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.HostPort;
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
                    """)
            .build();

    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.string("message", "hello world", "The sentence the student types at the client's prompt"),
            ParamSpec.string("target", "",
                    "host:port of your own UDP uppercase server to check; empty: run the reference server"));

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
        // An empty datagram is legal, but the handout's prompt asks for a sentence: keep the exercise's shape.
        if (params.getString("message").isEmpty()) {
            throw new InvalidParamException("message", "must not be empty");
        }
        String target = params.getString("target");
        if (!target.isBlank()) {
            HostPort.parse("target", target);
        }
    }

    @Override
    public void run(RunContext context) throws Exception {
        String sentence = context.params().getString("message");
        String target = context.params().getString("target");
        String reply;
        try (UdpEndpoint socket = context.actor("Client").udp()) {
            socket.setTimeout(REPLY_TIMEOUT);
            if (target.isBlank()) {
                Actor server = context.actor("Server");
                try (UdpEndpoint serverSocket = server.bindUdp(0)) {
                    server.print(UppercasePrograms.READY);
                    Task<String> serving = UppercasePrograms.serveUdpOnce(context, serverSocket);
                    reply = UppercasePrograms.udpClient(socket, "127.0.0.1", serverSocket.port(), sentence);
                    serving.join();
                }
            } else {
                HostPort server = HostPort.parse("target", target);
                context.note("Checking your server at " + target + ": the reference server does not run.");
                reply = UppercasePrograms.udpClient(socket, server.host(), server.port(), sentence);
            }
        }
        if (reply == null) {
            context.note("No datagram came back within " + REPLY_TIMEOUT.toMillis()
                    + " ms: the handout's client would still be waiting in recvfrom.");
        }
        UppercasePrograms.checkReply(context, sentence, reply);
    }
}
