package org.socketlab.cases.tcp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
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

/** Handout 001, Part 5: safe_tcp_client turns refused, timed-out and bad-hostname failures into messages. */
public final class ErrorHandlingCase implements LabCase {
    static final Program CLIENT = HandoutPrograms.verbatim("Client", "h001/safe_tcp_client.py");

    private static final String REFUSED = "Connection refused - is server running?";
    private static final String TIMED_OUT = "Connection timed out";
    private static final String INVALID_HOST = "Invalid hostname";

    private static final CaseInfo INFO = CaseInfo.builder("error-handling")
            .title("Handling Socket Errors")
            .summary("A TCP client that catches a refused connection, a time-out and an invalid host name.")
            .tags("tcp", "client", "errors", "timeout")
            .source("Handout 001, Part 5: Handling errors (safe_tcp_client)")
            .group(Handouts.H001)
            .programs(CLIENT)
            .description("""
                    ## Scenario
                    The handout's `safe_tcp_client(host, port)` sets a time-out on its socket, connects, sends \
                    `Hello` and waits for a reply, and catches what can go wrong: `socket.timeout`, \
                    `ConnectionRefusedError` and `socket.gaierror`, each with its own message. The lab calls \
                    it three times so that each failure really happens:

                    1. **refused**: a port on 127.0.0.1 where nobody listens.
                    2. **timeout**: a server that accepts the connection and reads `Hello` but never answers. \
                    The handout waits 5 seconds; the lab waits `timeoutMs`.
                    3. **hostname**: a name under `.invalid`, which can never resolve (RFC 6761 §6.4).

                    ## What to look for
                    - **refused**: the **connect** fails at once with an error event: the operating system \
                    answered for the missing server.
                    - **timeout**: the connect and the send succeed. The failure is the **recv** that waits \
                    for a reply that never comes; its error comes `timeoutMs` later. Without a time-out the \
                    client would wait for ever.
                    - **hostname**: no packet is sent at all; the name fails before any connect.

                    ## Try
                    - Pick one `scenario` to see it alone.
                    - Pick `call` for the handout's own `safe_tcp_client("127.0.0.1", 8080)`, or aim `host` and \
                    `port` at a server of yours: an answer shows the `Received:` branch.
                    - Change `timeoutMs` and compare when the recv's error appears.
                    - Set `badHost` to `localhost`: the name resolves, nobody listens on the port, and the \
                    client reports a refused connection instead, so the check fails.
                    """)
            .build();

    private static final Param<String> SCENARIO = Param.choice("scenario", "all",
            List.of("all", "refused", "timeout", "hostname", "call"),
            "Which failure to provoke; all: the three in turn; call: the handout's own call, "
                    + "safe_tcp_client(host, port)");
    private static final Param<Integer> TIMEOUT_MS = Param.integer("timeoutMs", 300, 50, 5_000,
            "The client's socket time-out in milliseconds (the handout's settimeout(5) is 5000)");
    private static final Param<String> HOST = Param.string("host", "127.0.0.1",
            "The host of the call scenario (the handout: 127.0.0.1)");
    private static final Param<Integer> PORT = Param.integer("port", 8080, 1, 65_535,
            "The port of the call scenario (the handout: 8080)");
    private static final Param<String> BAD_HOST = Param.string("badHost", "no-such-host.invalid",
            "The host name the hostname scenario tries");
    private static final List<ParamSpec> PARAMS = Param.specs(SCENARIO, TIMEOUT_MS, HOST, PORT, BAD_HOST);

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
        if (params.get(BAD_HOST).isBlank()) {
            throw new InvalidParamException("badHost", "needs a host name, e.g. no-such-host.invalid");
        }
    }

    @Override
    public void run(RunContext context) throws Exception {
        Params params = context.params();
        String scenario = params.get(SCENARIO);
        Duration timeout = Duration.ofMillis(params.get(TIMEOUT_MS));
        Actor client = context.actor("Client");
        if (scenario.equals("all") || scenario.equals("refused")) {
            refused(context, client, timeout);
        }
        if (scenario.equals("all") || scenario.equals("timeout")) {
            timedOut(context, client, timeout);
        }
        if (scenario.equals("call")) {
            // The handout's last line: whatever answers there decides the branch (Received:, a failure, Error:).
            String host = params.get(HOST);
            int port = params.get(PORT);
            context.note("The handout's call: safe_tcp_client(\"" + host + "\", " + port + ")");
            String printed = safeTcpClient(client, host, port, timeout);
            context.check("safe_tcp_client printed one of the handout's lines",
                    printed.startsWith("Received: ") || printed.startsWith("Error: ") || printed.equals(REFUSED)
                            || printed.equals(TIMED_OUT) || printed.equals(INVALID_HOST),
                    "Received: …, a failure message or Error: …", printed);
            return;
        }
        if (scenario.equals("all") || scenario.equals("hostname")) {
            int port = context.freePort();
            String host = params.get(BAD_HOST);
            context.note("Scenario hostname: safe_tcp_client(\"" + host + "\", " + port + ")");
            context.checkEquals("A host name that cannot resolve is reported", INVALID_HOST,
                    safeTcpClient(client, host, port, timeout));
        }
    }

    private static void refused(RunContext context, Actor client, Duration timeout) throws IOException {
        int port = context.freePort();
        context.note("Scenario refused: nobody listens on 127.0.0.1:" + port);
        context.checkEquals("A port without a server is reported as refused", REFUSED,
                safeTcpClient(client, "127.0.0.1", port, timeout));
    }

    private static void timedOut(RunContext context, Actor client, Duration timeout) throws IOException {
        Actor silent = context.actor("Silent server");
        TcpListener listener = silent.listen();
        context.note("Scenario timeout: the server on 127.0.0.1:" + listener.port() + " accepts but never answers");
        Task<Void> server = context.start("Silent server", () -> {
            try (listener; TcpConnection connection = listener.accept()) {
                connection.recv(1024);
                // Read on without answering: this recv returns 0 bytes when the client gives up and closes.
                connection.recv(1024);
            }
        });
        long start = System.nanoTime();
        String printed = safeTcpClient(client, "127.0.0.1", listener.port(), timeout);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        server.join();
        context.checkEquals("A server that never answers is reported as a time-out", TIMED_OUT, printed);
        context.check("The client waited its whole time-out before giving up", waitedMillis >= timeout.toMillis(),
                "at least " + timeout.toMillis() + " ms", waitedMillis + " ms");
    }

    // The handout's safe_tcp_client; returns the line it printed. The except clauses keep the handout's order.
    private static String safeTcpClient(Actor client, String host, int port, Duration timeout) {
        String line;
        try (TcpConnection sock = client.connect(host, port, timeout)) {
            sock.setTimeout(timeout);
            sock.send("Hello");
            byte[] data = sock.recv(1024);
            line = "Received: " + new String(data, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            line = TIMED_OUT;
        } catch (ConnectException e) {
            line = REFUSED;
        } catch (UnknownHostException e) {
            line = INVALID_HOST;
        } catch (IOException | RuntimeException e) {
            // Python's "except Exception as e": anything else, such as a host the lab may not reach.
            line = "Error: " + e.getMessage();
        }
        client.print(line);
        return line;
    }
}
