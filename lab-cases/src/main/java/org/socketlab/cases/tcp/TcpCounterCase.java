package org.socketlab.cases.tcp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
import org.socketlab.cases.support.CounterStart;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.PythonConsole;
import org.socketlab.cases.support.ServerMode;

/** Handout 001, Part 2: a persistent TCP server counts its connections; its client is run several times. */
public final class TcpCounterCase implements LabCase {
    static final Program SERVER = HandoutPrograms.verbatim("Server", "h001/tcp_server.py");
    static final Program CLIENT = HandoutPrograms.verbatim("Client", "h001/tcp_client.py");

    /** Both of the handout's programs read with {@code recv(1024)}. */
    private static final int RECV_BYTES = 1024;
    private static final Pattern COUNTER = Pattern.compile("connection #(\\d{1,9})");

    private static final CaseInfo INFO = CaseInfo.builder("tcp-counter")
            .title("TCP Server with a Connection Counter")
            .summary("A TCP server that keeps running and counts its clients; the client is run three times.")
            .tags("tcp", "server", "client", "counter")
            .source("Handout 001, Part 2: TCP server and client with a counter")
            .group(Handouts.H001)
            .programs(SERVER, CLIENT)
            .description("""
                    ## Scenario
                    `tcp_server.py` listens, then loops for ever: `accept()` a client, add one to its \
                    connection counter, `recv(1024)` the client's message, send back \
                    `Hello! You are connection #N` and close that connection (but not the listening socket). \
                    `tcp_client.py` connects, sends `Hello from client!`, prints the reply and closes. The \
                    client is run three times in turn, as in the handout.

                    ## What to look for
                    - One **listen** for the whole run, then for each client its own **connect** / **accept** \
                    pair with a new client port: every run of the client is a new TCP connection.
                    - The server's counter lives as long as the server, not the connection: the replies say \
                    `#1`, `#2`, `#3`.
                    - The server **closes** each accepted connection but keeps listening.

                    ## Try
                    - Raise `clients` to see the counter keep climbing.
                    - Change `message`: the server prints whatever the client sent.
                    - Set `target` to `127.0.0.1:8080` while your own `tcp_server.py` runs: the lab's client \
                    runs against your server and checks its replies (a server that already counted a few \
                    connections is fine, as long as the numbers go up by one).
                    - Set `listenPort` and run your own `tcp_client.py` (or `nc`) up to `clients` times while \
                    the lab's server waits: each run is told its connection number.
                    """)
            .build();

    private static final Param<Integer> CLIENTS = Param.integer("clients", 3, 1, 20,
            "How many times the client program is run, one after another");
    private static final Param<String> MESSAGE = Param.string("message", "Hello from client!",
            "What each client sends (at most 1024 bytes)");
    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("counter server");
    private static final List<ParamSpec> PARAMS = Param.specs(CLIENTS, MESSAGE, TARGET, ServerMode.LISTEN_PORT,
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
        int bytes = params.get(MESSAGE).getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > RECV_BYTES) {
            // Empty: the server's recv would wait for bytes that never come. Longer: one recv(1024) cuts it.
            throw new InvalidParamException("message", "must be 1 to " + RECV_BYTES + " bytes, got " + bytes);
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
        int clients = params.get(CLIENTS);
        String message = params.get(MESSAGE);
        ServerMode mode = ServerMode.of(params, TARGET);
        if (mode.yourServer()) {
            mode.noteYourServer(context);
            checkReplies(context, runClients(context, mode, mode.target(), clients, message), false);
            return;
        }
        Actor server = context.actor("Server");
        TcpListener listener = mode.listen(context, server);
        server.print("TCP Server listening on 127.0.0.1:" + listener.port());
        if (mode.yourClient()) {
            List<String> received = serve(context, mode, server, listener, clients);
            for (int i = 0; i < received.size(); i++) {
                context.check("Your client's connection #" + (i + 1) + " sent a message", !received.get(i).isEmpty(),
                        "a message such as " + message, received.get(i).isEmpty() ? "nothing" : received.get(i));
            }
            mode.checkClientCame(context, clients);
            return;
        }
        Task<List<String>> serverTask = context.supply("Server", () -> serve(context, mode, server, listener, clients));
        List<String> replies = runClients(context, mode, new HostPort("127.0.0.1", listener.port()), clients, message);
        List<String> received = serverTask.join();
        for (int i = 0; i < received.size(); i++) {
            context.checkEquals("The server received client " + (i + 1) + "'s message", message, received.get(i));
        }
        checkReplies(context, replies, true);
    }

    private static List<String> runClients(RunContext context, ServerMode mode, HostPort address, int clients,
                                           String message) throws Exception {
        Actor client = context.actor("Client");
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Optional<String> reply = mode.exchange(context, () -> runClient(client, address, message));
            if (reply.isEmpty()) {
                break; // a failed check says what the student's server did
            }
            replies.add(reply.get());
        }
        return replies;
    }

    private static void checkReplies(RunContext context, List<String> replies, boolean ownServer) {
        if (replies.isEmpty()) {
            return;
        }
        int first = CounterStart.of(COUNTER, replies.get(0), ownServer, context, "connection(s)");
        for (int i = 0; i < replies.size(); i++) {
            String expected = "Hello! You are connection #" + (first + i);
            context.checkEquals("Client run " + (i + 1) + " is told it is connection #" + (first + i), expected,
                    replies.get(i).isEmpty() ? "(no reply: the connection was closed)" : replies.get(i));
        }
    }

    // tcp_server.py, stopped after the clients of this run instead of Ctrl+C (or when the live time is up).
    private static List<String> serve(RunContext context, ServerMode mode, Actor server, TcpListener listener,
                                      int clients) throws Exception {
        List<String> received = new ArrayList<>();
        try (listener) {
            for (int count = 1; count <= clients; count++) {
                Optional<TcpConnection> accepted = mode.accept(listener);
                if (accepted.isEmpty()) {
                    break;
                }
                int number = count;
                try (TcpConnection connection = accepted.get()) {
                    PythonConsole.print(server, "\nConnection #" + number + " from "
                            + PythonConsole.address(connection.remote()));
                    mode.exchange(context, () -> {
                        String data = connection.recvText(RECV_BYTES);
                        server.print("Received: " + data);
                        received.add(data);
                        connection.send("Hello! You are connection #" + number);
                        return data;
                    });
                }
            }
        }
        return received;
    }

    // tcp_client.py: one run of the program is one connection.
    private static String runClient(Actor client, HostPort address, String message) throws Exception {
        try (TcpConnection connection = client.connect(address.host(), address.port())) {
            client.print("Connected to " + address.host() + ":" + address.port());
            connection.send(message);
            String data = connection.recvText(RECV_BYTES);
            client.print("Received: " + data);
            return data;
        }
    }
}
