package org.socketlab.cases.tcp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.HostPort;
import org.socketlab.api.InvalidParamException;
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

/** Handout 003, 3: the server sends what its user typed, the client prints "Message from server : ...". */
public final class ServerPushCase implements LabCase {
    static final Program SERVER = HandoutPrograms.verbatim("Server", "h003/server.py");
    static final Program CLIENT = HandoutPrograms.verbatim("Client", "h003/client.py");

    private static final int RECV_BYTES = 1024;

    private static final CaseInfo INFO = CaseInfo.builder("server-push")
            .title("The server speaks first")
            .summary("A TCP server sends the line its user typed as soon as a client connects; the client prints it.")
            .tags("tcp", "server", "client", "recv")
            .source("Handout 003, 3: Sample server and client code (server.py, client.py)")
            .group(Handouts.H003)
            .programs(SERVER, CLIENT)
            .description("""
                    ## Scenario
                    `server.py` listens on 127.0.0.1, accepts one client, asks its user \
                    `Enter data to be send: ` and sends what was typed (`cse323`). `client.py` connects, calls \
                    `recv(1024)` once and prints `Message from server : ` followed by the data, stripped of \
                    surrounding white space and decoded as ASCII. Here the server's user types `message`.

                    ## What to look for
                    - The client sends nothing: after **connect** it goes straight to **recv**. Either side of \
                    a TCP connection may send first; here the server does.
                    - The client's **recv** asks for 1024 bytes and gets the 6 bytes of `cse323`.
                    - The server closes the connection after its send.

                    ## Try
                    - Change `message`: the client prints whatever the server's user typed.
                    - Make `message` longer than 1024 characters: the single `recv(1024)` returns only part of \
                    it and the check fails.
                    - Run your own `server.py` and put its address in `target`; type the same text as \
                    `message` when it asks.
                    - Set `listenPort` and run your own `client.py` (or `nc 127.0.0.1 PORT`) while the lab's \
                    server waits: it sends your client `message` as soon as it connects.
                    """)
            .build();

    private static final Param<String> MESSAGE = Param.string("message", "cse323",
            "What the server's user types at the prompt (ASCII)");
    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("server.py");
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
    public void validate(Params params) throws InvalidParamException {
        String message = params.get(MESSAGE);
        if (message.isBlank() || message.chars().anyMatch(c -> c < ' ' || c > '~')) {
            throw new InvalidParamException("message",
                    "must be printable ASCII and not blank: the client decodes it with 'ascii'");
        }
        ServerMode.validate(params, TARGET);
    }

    @Override
    public Duration timeLimit(Params params, Duration standard) {
        return ServerMode.timeLimit(params, standard);
    }

    @Override
    public void run(RunContext context) throws Exception {
        Params params = context.params();
        String message = params.get(MESSAGE);
        ServerMode mode = ServerMode.of(params, TARGET);
        if (mode.yourServer()) {
            context.note("Testing your server at " + mode.target() + ": type '" + message + "' at its prompt.");
            Optional<String> printed = mode.exchange(context, () -> runClient(context, mode.target()));
            printed.ifPresent(text -> checkPrinted(context, message, text));
            return;
        }
        TcpListener listener = mode.listen(context, context.actor("Server"));
        Task<Void> server = serve(context, mode, listener, message);
        if (mode.yourClient()) {
            server.join();
            mode.checkClientCame(context, 1);
            return;
        }
        String printed = runClient(context, new HostPort("127.0.0.1", listener.port()));
        server.join();
        checkPrinted(context, message, printed);
    }

    private static void checkPrinted(RunContext context, String message, String printed) {
        context.check("The client printed what the server's user typed", message.strip().equals(printed), message.strip(),
                printed.isEmpty() ? "nothing: the connection closed without data" : printed);
    }

    // client.py: connect, one recv(1024), print it stripped and decoded as ASCII.
    private static String runClient(RunContext context, HostPort address) throws Exception {
        Actor client = context.actor("Client");
        try (TcpConnection socket = client.connect(address.host(), address.port())) {
            byte[] msg = socket.recv(RECV_BYTES);
            String printed = new String(msg, StandardCharsets.US_ASCII).strip();
            client.print("Message from server : " + printed);
            return printed;
        }
    }

    /** The reference server.py: listen, accept one client (in live mode, if one comes), send the typed line, close. */
    private static Task<Void> serve(RunContext context, ServerMode mode, TcpListener listener, String typed) {
        Actor server = listener.actor();
        server.print("Listening for connections..");
        return context.start("Server", () -> {
            try (listener) {
                Optional<TcpConnection> accepted = mode.accept(listener);
                if (accepted.isEmpty()) {
                    return;
                }
                try (TcpConnection q = accepted.get()) {
                    // raw_input echoes the prompt and what the user typed on one console line.
                    server.print("Enter data to be send: " + typed);
                    mode.exchange(context, () -> q.send(typed.getBytes(StandardCharsets.US_ASCII)));
                }
            }
        });
    }
}
