package org.socketlab.cases.udp;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.Datagram;
import org.socketlab.api.HostPort;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.UdpEndpoint;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.CounterStart;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.PythonConsole;
import org.socketlab.cases.support.ServerMode;

/** Handout 001, Part 3: a UDP server counts the datagrams it answers; its client is run several times. */
public final class UdpCounterCase implements LabCase {
    static final Program SERVER = HandoutPrograms.verbatim("Server", "h001/udp_server.py");
    static final Program CLIENT = HandoutPrograms.verbatim("Client", "h001/udp_client.py");

    /** Both of the handout's programs read with {@code recvfrom(1024)}. */
    private static final int RECV_BYTES = 1024;
    /** The handout's client waits for ever; the lab's gives up so that a lost datagram ends the run. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern COUNTER = Pattern.compile("Message #(\\d{1,9})");

    private static final CaseInfo INFO = CaseInfo.builder("udp-counter")
            .title("UDP Server with a Message Counter")
            .summary("A UDP server that counts the datagrams it receives; the client is run three times.")
            .tags("udp", "server", "client", "counter", "recvfrom")
            .source("Handout 001, Part 3: UDP server and client with a counter")
            .group(Handouts.H001)
            .programs(SERVER, CLIENT)
            .description("""
                    ## Scenario
                    `udp_server.py` binds a UDP socket and loops for ever: `recvfrom(1024)` one datagram, add \
                    one to its message counter, and `sendto` back `Received! Message #N` to whoever sent it. \
                    `udp_client.py` sends `Hello from UDP client!` with `sendto`, waits for the reply with \
                    `recvfrom(1024)` and closes. The client is run three times in turn.

                    ## What to look for
                    - No **connect** and no **accept**: the server's socket is bound (shown as **listen**) and \
                    every **recv** says who the datagram came from. The server answers that address.
                    - Each run of the client gets a new port, yet the server needs no new socket: one socket \
                    talks to every client.
                    - The counter counts datagrams, not clients: `#1`, `#2`, `#3`.

                    ## Try
                    - Raise `clients` to see the counter keep climbing.
                    - Set `target` to `127.0.0.1:9090` while your own `udp_server.py` runs. If your server does \
                    not answer, the client's `recvfrom` gives up after 2 seconds: UDP never says that nobody \
                    was listening.
                    - Set `listenPort` and run your own `udp_client.py` (or `nc -u`) up to `clients` times \
                    while the lab's server waits: each datagram is answered with its number.
                    """)
            .build();

    private static final Param<Integer> CLIENTS = Param.integer("clients", 3, 1, 20,
            "How many times the client program is run, one after another");
    private static final Param<String> MESSAGE = Param.string("message", "Hello from UDP client!",
            "What each client sends (at most 1024 bytes)");
    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("UDP counter server");
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
        if (bytes > RECV_BYTES) {
            // recvfrom(1024) would keep the first 1024 bytes and drop the rest of the datagram.
            throw new InvalidParamException("message", "must be at most " + RECV_BYTES + " bytes, got " + bytes);
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
        UdpEndpoint socket = mode.bindUdp(context, server);
        server.print("UDP Server listening on 127.0.0.1:" + socket.port());
        if (mode.yourClient()) {
            serve(mode, server, socket, clients);
            mode.checkClientCame(context, clients);
            return;
        }
        Task<List<String>> serverTask = context.supply("Server", () -> serve(mode, server, socket, clients));
        List<String> replies = runClients(context, mode, new HostPort("127.0.0.1", socket.port()), clients, message);
        if (replies.size() == clients) {
            List<String> received = serverTask.join();
            for (int i = 0; i < received.size(); i++) {
                context.checkEquals("The server received client " + (i + 1) + "'s message", message, received.get(i));
            }
        }
        checkReplies(context, replies, true);
    }

    // A client run without a reply ends the runs: a failed check says so (UDP reports no lost datagram).
    private static List<String> runClients(RunContext context, ServerMode mode, HostPort address, int clients,
                                           String message) throws Exception {
        Actor client = context.actor("Client");
        Duration timeout = context.ioTimeout().compareTo(REPLY_TIMEOUT) < 0 ? context.ioTimeout() : REPLY_TIMEOUT;
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String reply = runClient(client, address, message, timeout);
            if (reply == null && mode.yourServer()) {
                mode.yourProgram().noDatagram(context, timeout);
                break;
            }
            if (reply == null) {
                context.check("Client run " + (i + 1) + " got a reply", false, "a datagram back within "
                        + timeout.toMillis() + " ms", "none: the server did not answer (or is not running)");
                break;
            }
            replies.add(reply);
        }
        return replies;
    }

    private static void checkReplies(RunContext context, List<String> replies, boolean ownServer) {
        if (replies.isEmpty()) {
            return;
        }
        int first = CounterStart.of(COUNTER, replies.get(0), ownServer, context, "message(s)");
        for (int i = 0; i < replies.size(); i++) {
            String expected = "Received! Message #" + (first + i);
            context.checkEquals("Client run " + (i + 1) + " is told it sent message #" + (first + i), expected,
                    replies.get(i));
        }
    }

    // udp_server.py, stopped after the clients of this run instead of Ctrl+C (or when the live time is up).
    private static List<String> serve(ServerMode mode, Actor server, UdpEndpoint socket, int clients) throws Exception {
        List<String> received = new ArrayList<>();
        try (socket) {
            for (int count = 1; count <= clients; count++) {
                Optional<Datagram> datagram = mode.receive(socket, RECV_BYTES);
                if (datagram.isEmpty()) {
                    break;
                }
                PythonConsole.print(server, "\nMessage #" + count + " from "
                        + PythonConsole.address(datagram.get().senderAddress()) + ": " + datagram.get().text());
                received.add(datagram.get().text());
                socket.reply(datagram.get(), "Received! Message #" + count);
            }
        }
        return received;
    }

    // udp_client.py; returns null when no reply came in time (UDP reports no lost datagram).
    private static String runClient(Actor client, HostPort address, String message, Duration timeout)
            throws Exception {
        try (UdpEndpoint socket = client.udp()) {
            socket.setTimeout(timeout);
            socket.send(message, address.host(), address.port());
            client.print("Sent to " + address.host() + ":" + address.port());
            Datagram reply;
            try {
                reply = socket.receive(RECV_BYTES);
            } catch (SocketTimeoutException e) {
                return null;
            }
            client.print("Received from " + PythonConsole.address(reply.senderAddress()) + ": " + reply.text());
            return reply.text();
        }
    }
}
