package org.socketlab.cases.tcp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
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

/** Handout 000, Task 1: Alice sends "HELLO WORLD", Bob's single {@code recv(8)} gets only part of it. */
public final class MissingMessageCase implements LabCase {
    static final Program SERVER = HandoutPrograms.verbatim("Bob", "h000/server.py");
    static final Program FIXED_SERVER = HandoutPrograms.reconstructed("Bob", "h000/server_fixed.py",
            "The fix the handout asks for: server.py with its one recv replaced by a loop until Alice closes.");
    static final Program CLIENT = HandoutPrograms.verbatim("Alice", "h000/client.py");

    private static final CaseInfo INFO = CaseInfo.builder("missing-message")
            .title("The Missing Message Mystery")
            .summary("Alice sends \"HELLO WORLD\" but Bob's server only receives part of it: find out why.")
            .tags("tcp", "recv", "buffer", "stream")
            .source("Handout 000, Task 1: The Missing Message Mystery")
            .group(Handouts.H000)
            .programs(FIXED_SERVER, SERVER, CLIENT)
            .description("""
                    ## Scenario
                    Alice sends `HELLO WORLD` (11 bytes) to Bob's server. Bob calls `recv(8)` once and prints \
                    what he got: only `HELLO WO`. As the detective, find out why the message is incomplete and \
                    fix Bob's server so that he receives the whole string.

                    ## What to look for
                    - Alice's **send** carries 11 bytes.
                    - Each of Bob's **recv** events says how many bytes he asked for and how many came back. \
                    `recv(8)` can never return more than 8 bytes: TCP is a stream, and a read returns *at most* \
                    the buffer size, whatever the sender wrote in one call.
                    - With the fix, Bob keeps calling `recv` until it returns 0 bytes: Alice has closed the \
                    connection and the message is complete.

                    ## Try
                    - Switch off `readUntilClosed` to see the handout's bug: one `recv(8)` and a failed check.
                    - Keep it off and raise `bufferSize` to 1024: a bigger buffer hides the bug for a short \
                    message, but only the loop is correct for any length.
                    - Set `bufferSize` to 1 with the loop on: eleven reads of one byte, one message.
                    - Set `listenPort` and play Alice yourself: `printf 'HELLO WORLD' | nc -q 1 127.0.0.1 PORT` \
                    or your own client. Bob reads what you send as the parameters say.
                    """)
            .build();

    private static final Param<Boolean> READ_UNTIL_CLOSED = Param.bool("readUntilClosed", true,
            "Bob calls recv in a loop until Alice closes (the fix); off: a single recv (the handout's bug)");
    private static final Param<Integer> BUFFER_SIZE = Param.integer("bufferSize", 8, 1, 65_536,
            "How many bytes Bob asks for in each recv");
    private static final Param<String> MESSAGE = Param.string("message", "HELLO WORLD", "What Alice sends");
    private static final List<ParamSpec> PARAMS = Param.specs(READ_UNTIL_CLOSED, BUFFER_SIZE, MESSAGE,
            ServerMode.LISTEN_PORT, ServerMode.LIVE_SECONDS);

    @Override
    public CaseInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Duration timeLimit(Params params, Duration standard) {
        return ServerMode.timeLimit(params, standard);
    }

    @Override
    public void run(RunContext context) throws Exception {
        Params params = context.params();
        String message = params.get(MESSAGE);
        int bufferSize = params.get(BUFFER_SIZE);
        boolean readUntilClosed = params.get(READ_UNTIL_CLOSED);
        ServerMode mode = ServerMode.live(params);
        Actor bob = context.actor("Bob");

        byte[] sent = message.getBytes(StandardCharsets.UTF_8);
        byte[] data;
        Program server = readUntilClosed ? FIXED_SERVER : SERVER;
        try (TcpListener listener = mode.listen(context, bob.at(server, "server.listen(1)"))) {
            // The handout's prints start with a space; kept, as the student's console shows them.
            bob.at(server, "is listening").print(" Bob's server is listening...");
            if (mode.yourClient()) {
                checkYourAlice(context, mode, listener, server, message);
                return;
            }
            Actor alice = context.actor("Alice");
            Task<Void> sender = context.start("Alice", () -> {
                try (TcpConnection client = alice.at(CLIENT, "client.connect").connect("localhost", listener.port())) {
                    alice.at(CLIENT, "client.send");
                    client.send(message);
                    alice.at(CLIENT, "print(").print(" Alice sent: '" + message + "'");
                    alice.at(CLIENT, "client.close()");
                }
            });
            bob.at(server, "server.accept()");
            try (TcpConnection connection = listener.accept()) {
                // Wait for Alice to finish before Bob reads, so that the single recv sees everything she sent:
                // the lesson is that recv(n) returns at most n bytes, even when more are waiting.
                sender.join();
                data = read(bob, server, connection, params);
                bob.at(server, "client_socket.close()");
            }
        }
        // Bytes, not characters: recv counts bytes, and a multi-byte character may be cut in two.
        if (!readUntilClosed && data.length < sent.length) {
            context.note("Bob called recv(" + bufferSize + ") once: TCP returned at most " + bufferSize
                    + " bytes and the other " + (sent.length - data.length) + " of the " + sent.length
                    + " bytes Alice sent were never read.");
        }
        String received = new String(data, StandardCharsets.UTF_8);
        context.checkEquals("Bob received the whole message", message, received);
    }

    // Live mode: the student's own client plays Alice; Bob reads as the parameters say.
    private static void checkYourAlice(RunContext context, ServerMode mode, TcpListener listener, Program server,
                                       String message) throws Exception {
        Actor bob = listener.actor();
        bob.at(server, "server.accept()");
        Optional<TcpConnection> accepted = mode.accept(listener);
        if (accepted.isPresent()) {
            try (TcpConnection connection = accepted.get()) {
                Optional<byte[]> data = mode.exchange(context, () -> read(bob, server, connection, context.params()));
                bob.at(server, "client_socket.close()");
                if (data.isPresent()) {
                    context.checkEquals("Bob received the whole message your client sent", message,
                            new String(data.get(), StandardCharsets.UTF_8));
                }
            }
        }
        mode.checkClientCame(context, 1);
    }

    private static byte[] read(Actor bob, Program server, TcpConnection connection, Params params) throws Exception {
        int bufferSize = params.get(BUFFER_SIZE);
        bob.at(server, ".recv(8)");
        byte[] data = params.get(READ_UNTIL_CLOSED) ? connection.recvUntilClosed(bufferSize)
                : connection.recv(bufferSize);
        bob.at(server, "Bob received").print(" Bob received: '" + new String(data, StandardCharsets.UTF_8) + "'");
        return data;
    }
}
