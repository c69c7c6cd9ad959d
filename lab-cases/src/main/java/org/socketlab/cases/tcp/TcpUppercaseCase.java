package org.socketlab.cases.tcp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.HostPort;
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
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.ServerMode;
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
                    - Set `listenPort` (0 for any free port) and run your own `tcp_client.py`, or \
                    `nc 127.0.0.1 PORT`, while the lab's server waits: the transcript shows what your \
                    client sent and the capitals it got back.
                    """)
            .build();

    private static final Param<String> MESSAGE = UppercasePrograms.MESSAGE;
    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("TCP uppercase server");
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
        Actor client = context.actor("Client");
        if (mode.yourServer()) {
            mode.noteYourServer(context);
            Optional<String> reply = mode.yourProgram().exchange(context, () ->
                    UppercasePrograms.tcpClient(client, mode.target().host(), mode.target().port(), sentence));
            if (reply.isPresent()) {
                UppercasePrograms.checkReply(context, sentence, reply.get());
            }
            return;
        }
        Actor server = context.actor("Server");
        try (TcpListener listener = mode.listen(context, server)) {
            server.print(UppercasePrograms.READY);
            if (mode.yourClient()) {
                serveYourClient(context, mode, listener);
                return;
            }
            Task<String> serving = UppercasePrograms.serveTcpOnce(context, listener);
            String reply = UppercasePrograms.tcpClient(client, "127.0.0.1", listener.port(), sentence);
            serving.join();
            UppercasePrograms.checkReply(context, sentence, reply);
        }
    }

    // Live mode: one turn of tcp_server.py's loop for the student's own tcp_client.py (or nc).
    private static void serveYourClient(RunContext context, ServerMode mode, TcpListener listener) throws Exception {
        Optional<TcpConnection> accepted = mode.accept(listener);
        if (accepted.isPresent()) {
            try (TcpConnection connection = accepted.get()) {
                mode.yourProgram().exchange(context, () -> UppercasePrograms.answerTcp(connection))
                        .ifPresent(sentence -> UppercasePrograms.checkClientSentence(context, sentence,
                                UppercasePrograms.TCP_RECV_BYTES));
            }
        }
        mode.checkClientCame(context, 1);
    }
}
