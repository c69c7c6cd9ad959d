package org.socketlab.cases.tcp;

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
import org.socketlab.api.TcpListener;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.HostPort;
import org.socketlab.cases.support.UppercasePrograms;

/** Handout 004, 1.1: a TCP server turns the client's sentence into uppercase and sends it back. */
public final class TcpUppercaseCase implements LabCase {
    static final Program SERVER = HandoutPrograms.verbatim("Server", "h004/tcp_server.py");
    static final Program CLIENT = HandoutPrograms.verbatim("Client", "h004/tcp_client.py");

    private static final CaseInfo INFO = CaseInfo.builder("tcp-uppercase")
            .title("TCP Uppercase Server")
            .summary("The client sends a sentence over TCP and the server sends it back in capitals.")
            .tags("tcp", "server", "client", "recv")
            .source("Handout 004, 1.1: TCP uppercase server and client")
            .group(Handouts.H004)
            .programs(SERVER, CLIENT)
            .description("""
                    ## Scenario
                    `tcp_server.py` binds a TCP socket, listens and prints `The server is ready to receive`. \
                    For each client it accepts the connection, reads one `recv(1024)`, turns a-z into A-Z and \
                    sends the result back before closing. `tcp_client.py` connects, asks for a lowercase \
                    sentence, sends it and prints `From Server: HELLO WORLD`.

                    ## What to look for
                    - The client's **connect** and the server's **accept** appear before any byte is sent: \
                    TCP sets up a connection first.
                    - The server's **recv** asks for 1024 bytes and gets only the bytes of the sentence.
                    - The reply has exactly as many bytes as the sentence: only the letters a-z change. \
                    Capitals, digits and characters such as `&*!` come back as they were (the second check).

                    ## Try
                    - Set `message` to `Hello &*! World`: the reply is `HELLO &*! WORLD`.
                    - Start your own uppercase server and set `target` to its `host:port`: the reference \
                    client and the checks run against it instead of the reference server.
                    """)
            .build();

    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.string("message", "hello world", "The sentence the student types at the client's prompt"),
            ParamSpec.string("target", "",
                    "host:port of your own TCP uppercase server to check; empty: run the reference server"));

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
        // An empty sentence sends no bytes, and the handout's server would wait for them forever.
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
        Actor client = context.actor("Client");
        String reply;
        if (target.isBlank()) {
            Actor server = context.actor("Server");
            try (TcpListener listener = server.listen()) {
                server.print(UppercasePrograms.READY);
                Task<String> serving = UppercasePrograms.serveTcpOnce(context, listener);
                reply = UppercasePrograms.tcpClient(client, "127.0.0.1", listener.port(), sentence);
                serving.join();
            }
        } else {
            HostPort server = HostPort.parse("target", target);
            context.note("Checking your server at " + target + ": the reference server does not run.");
            reply = UppercasePrograms.tcpClient(client, server.host(), server.port(), sentence);
        }
        UppercasePrograms.checkReply(context, sentence, reply);
    }
}
