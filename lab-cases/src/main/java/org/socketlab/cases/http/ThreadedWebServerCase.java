package org.socketlab.cases.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
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
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.HostPort;
import org.socketlab.cases.support.HttpResponseReader;
import org.socketlab.cases.support.HttpResponseParts;

/** Handout 003, optional exercise 1: a thread per request, so that slow requests do not queue up. */
public final class ThreadedWebServerCase implements LabCase {
    /** Bounds what the browser stand-in keeps of one response. */
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    /** How much longer than twice one request's time a client of the reference server waits. */
    private static final int PATIENCE_MARGIN_MILLIS = 500;
    static final Program SERVER = HandoutPrograms.reconstructed("Web server", "h003/threaded_web_server.py",
            "The handout's web server (Handout 004's listing) with one thread per request, as the optional "
                    + "exercise asks.");

    private static final CaseInfo INFO = CaseInfo.builder("threaded-web-server")
            .title("A multithreaded web server")
            .summary("Several clients at once: a thread per request serves them together, a single thread one by one.")
            .tags("tcp", "http", "server", "threads", "timing")
            .source("Handout 003, Optional exercise 1: a multithreaded web server")
            .group(Handouts.H003)
            .programs(SERVER)
            .description("""
                    ## Scenario
                    The web server of the exercise handles one request at a time. Here each request is slow: \
                    the server needs `delayMillis` (150 ms) to read the file, as if from a slow disk. \
                    `clients` browsers (3) ask for `HelloWorld.html` at the same moment. The multithreaded \
                    server accepts in its main loop and serves each connection in a thread of its own; the \
                    single-threaded one finishes a client before it accepts the next.

                    ## What to look for
                    - The timings each client prints: with threads they all finish after about one \
                    request's time; without, the second waits for the first, the third for both: the total \
                    is about `clients` × `delayMillis`.
                    - In the events, the server's **accept**s: all at once with threads, one after each \
                    **close** without.

                    ## Try
                    - Switch off `threaded`: the total grows with the number of clients and the check on \
                    parallelism fails.
                    - Raise `clients` to 8: the threaded total hardly moves.
                    - Put your own server's address in `target`: a slow client connects first and says \
                    nothing for `delayMillis`; a single-threaded server is stuck in its `recv` and every \
                    other client waits, a threaded one serves them at once.
                    """)
            .build();

    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.bool("threaded", true, "Serve each connection in its own thread (the exercise); off: one at a time"),
            ParamSpec.integer("clients", 3, 2, 10, "How many clients ask at the same moment"),
            ParamSpec.integer("delayMillis", 150, 20, 1000,
                    "How long one request takes: the server's slow file (reference), or the slow client's silence (target)"),
            ParamSpec.string("target", "", "host:port of your own web server to test; empty: run the reference server"));

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
        if (!params.getString("target").isBlank()) {
            HostPort.parse("target", params.getString("target"));
        }
    }

    @Override
    public void run(RunContext context) throws Exception {
        Params params = context.params();
        int clients = params.getInt("clients");
        int delay = params.getInt("delayMillis");
        boolean reference = params.getString("target").isBlank();
        if (reference) {
            TcpListener listener = context.actor("Web server").listen();
            Task<Void> server = serve(context, listener, clients, delay, params.getBoolean("threaded"));
            // Past twice one request's time the parallelism check has failed anyway: a client waits no longer,
            // so one-at-a-time with many slow requests ends in a failed check, not in the lab's time-outs.
            Duration patience = Duration.ofMillis(2L * delay + PATIENCE_MARGIN_MILLIS);
            long total = runClients(context, new HostPort("127.0.0.1", listener.port()), clients, patience);
            server.join();
            context.check("The clients were served in parallel", total < 2L * delay,
                    "about " + delay + " ms in all (one request's time)",
                    total + " ms in all (" + String.format("%.1f", (double) total / delay) + " × one request's time)");
        } else {
            testTarget(context, HostPort.parse("target", params.getString("target")), clients, delay);
        }
    }

    /** The reference server: accepts every client, each served in a thread (threaded) or in turn. */
    private static Task<Void> serve(RunContext context, TcpListener listener, int clients, int delay, boolean threaded) {
        Actor server = listener.actor();
        return context.start("Web server", () -> {
            List<Task<Void>> handlers = new ArrayList<>();
            try (listener) {
                for (int i = 1; i <= clients; i++) {
                    HandoutWebServer.ready(server, SERVER);
                    TcpConnection connection = listener.accept();
                    if (threaded) {
                        server.at(SERVER, "Started a thread")
                                .print("Started a thread for " + SimpleServerCase.pythonAddress(connection.remote()));
                        handlers.add(context.start("Handler " + i,
                                () -> HandoutWebServer.serve(connection, false, delay, SERVER)));
                    } else {
                        try {
                            HandoutWebServer.serve(connection, false, delay, SERVER);
                        } catch (IOException gaveUp) {
                            // The client stopped waiting and closed: the others have too (the failure is recorded).
                            server.note("Client " + i + " stopped waiting before its turn came; the server stops.");
                            break;
                        }
                    }
                }
            }
            handlers.forEach(Task::join);
        });
    }

    /** Starts every client at once and returns how long the last one took, in milliseconds. */
    private static long runClients(RunContext context, HostPort address, int clients, Duration patience) {
        long start = System.nanoTime();
        List<Task<Long>> tasks = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            Actor client = context.actor("Client " + i);
            tasks.add(context.supply(client.name(), () -> fetch(context, client, address, start, patience)));
        }
        long total = 0;
        for (Task<Long> task : tasks) {
            total = Math.max(total, task.join());
        }
        context.actor("Clients").print("All " + clients + " clients served in " + total + " ms");
        return total;
    }

    /** @param patience how long the client waits for its response; {@code null}: the run's time-out */
    private static long fetch(RunContext context, Actor client, HostPort address, long start, Duration patience)
            throws Exception {
        byte[] received;
        try (TcpConnection socket = client.connect(address.host(), address.port())) {
            if (patience != null) {
                socket.setTimeout(patience);
            }
            socket.send("GET /" + HandoutWebServer.HELLO_FILE + " HTTP/1.1\r\nHost: " + address.host() + ":"
                    + address.port() + "\r\n\r\n");
            // To Content-Length when there is one (a real server keeps the connection open), else to the close.
            received = HttpResponseReader.read(socket, 1024, MAX_RESPONSE_BYTES);
        } catch (SocketTimeoutException notServed) {
            long waited = (System.nanoTime() - start) / 1_000_000;
            client.print(client.name() + ": no response after " + waited + " ms");
            context.check(client.name() + " got the file", false, "HTTP/1.1 200 OK",
                    "no response in " + waited + " ms");
            return waited;
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        HttpResponseParts response = HttpResponseParts.parse(received);
        client.print(client.name() + ": " + response.statusLine() + " after " + elapsed + " ms");
        context.check(client.name() + " got the file", response.statusCode() == 200, "HTTP/1.1 200 OK",
                response.statusLine().isEmpty() ? "nothing" : response.statusLine());
        return elapsed;
    }

    /**
     * Against the student's server: a slow client connects first and stays silent for {@code delay} ms. A
     * single-threaded server waits in its recv for it, so every other client waits too.
     */
    private static void testTarget(RunContext context, HostPort address, int clients, int delay) throws Exception {
        Actor slow = context.actor("Slow client");
        context.note("Testing your server at " + address.host() + ":" + address.port()
                + ": the reference server does not run, and threaded has no effect.");
        try (TcpConnection silent = slow.connect(address.host(), address.port())) {
            slow.print("Slow client: connected, will send its request in " + delay + " ms");
            Task<Long> others = context.supply("Clients", () -> runClients(context, address, clients, null));
            Thread.sleep(delay); // the slow client's silence is the lesson, not a wait for an event
            silent.send("GET /" + HandoutWebServer.HELLO_FILE + " HTTP/1.1\r\nHost: " + address.host() + "\r\n\r\n");
            silent.recvUntilClosed(1024);
            long total = others.join();
            context.check("The other clients were served while the slow client was silent", total < delay,
                    "all " + clients + " clients served within " + delay + " ms",
                    "the last one took " + total + " ms");
        }
    }
}
