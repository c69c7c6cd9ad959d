package org.socketlab.cases.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

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
import org.socketlab.api.TaskFailedException;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.ClientRequest;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.HttpResponseParts;
import org.socketlab.cases.support.HttpResponseReader;
import org.socketlab.cases.support.ServerMode;

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
                    - Set `listenPort` and send `clients` requests at once from your own clients (e.g. \
                    several `curl` in a shell loop with `&`) while the lab's server waits.
                    """)
            .build();

    private static final Param<Boolean> THREADED = Param.bool("threaded", true,
            "Serve each connection in its own thread (the exercise); off: one at a time");
    private static final Param<Integer> CLIENTS = Param.integer("clients", 3, 2, 10,
            "How many clients ask at the same moment");
    private static final Param<Integer> DELAY_MILLIS = Param.integer("delayMillis", 150, 20, 1000,
            "How long one request takes: the server's slow file (reference), or the slow client's silence (target)");
    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("web server");
    private static final List<ParamSpec> PARAMS = Param.specs(THREADED, CLIENTS, DELAY_MILLIS, TARGET,
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
    public void validate(Params params) throws InvalidParamException {
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
        int delay = params.get(DELAY_MILLIS);
        ServerMode mode = ServerMode.of(params, TARGET);
        if (mode.yourServer()) {
            testTarget(context, mode, clients, delay);
            return;
        }
        TcpListener listener = mode.listenHttp(context, context.actor("Web server"));
        ServingSpans spans = new ServingSpans();
        Task<List<byte[]>> server = serve(context, mode, listener, clients, delay, params.get(THREADED),
                spans);
        if (mode.yourClient()) {
            List<byte[]> requests = server.join();
            for (int i = 0; i < requests.size(); i++) {
                ClientRequest.parse(requests.get(i)).checkRequestLine(context, i + 1);
            }
            mode.checkClientCame(context, clients);
            return;
        }
        // A client waits about twice one request's time, so one-at-a-time with many slow requests ends in
        // failed checks, not in the lab's time-outs; a threaded server answers everyone in about one.
        Duration patience = Duration.ofMillis(2L * delay + PATIENCE_MARGIN_MILLIS);
        long total = runClients(context, new HostPort("127.0.0.1", listener.port()), clients, patience).totalMillis();
        server.join();
        // Judged by overlap, not by the clock: a busy machine slows a threaded server down, yet its connections
        // are still served together, while a single thread never holds two at once.
        int served = spans.count();
        context.check("The clients were served in parallel",
                served == clients && spans.servedAlongsideAnother() == served,
                "each of the " + clients + " connections served, from its recv to its close, while another was "
                        + "(one thread serves one at a time): all in about " + delay + " ms, one request's time",
                spans.servedAlongsideAnother() + " of " + served + " served while another was, at most "
                        + spans.mostAtOnce() + " at once; " + total + " ms in all ("
                        + String.format("%.1f", (double) total / delay) + " × one request's time)");
    }

    /**
     * The reference server: accepts every client, each served in a thread (threaded) or in turn, until
     * {@code clients} came or the live time is up. Its value is the requests, in the order they were served.
     */
    private static Task<List<byte[]>> serve(RunContext context, ServerMode mode, TcpListener listener, int clients,
                                            int delay, boolean threaded, ServingSpans spans) {
        Actor server = listener.actor();
        return context.supply("Web server", () -> {
            List<byte[]> requests = new CopyOnWriteArrayList<>();
            List<Task<Optional<Boolean>>> handlers = new ArrayList<>();
            try (listener) {
                for (int i = 1; i <= clients; i++) {
                    HandoutWebServer.ready(server, SERVER);
                    Optional<TcpConnection> accepted = mode.accept(listener);
                    if (accepted.isEmpty()) {
                        break;
                    }
                    TcpConnection connection = accepted.get();
                    if (threaded) {
                        server.at(SERVER, "Started a thread")
                                .print("Started a thread for " + SimpleServerCase.pythonAddress(connection.remote()));
                        handlers.add(context.supply("Handler " + i, () -> mode.exchange(context, () -> requests.add(
                                spans.serve(() -> HandoutWebServer.serve(connection, false, delay, SERVER))))));
                    } else if (mode.yourClient()) {
                        mode.exchange(context,
                                () -> requests.add(HandoutWebServer.serve(connection, false, delay, SERVER)));
                    } else {
                        try {
                            requests.add(spans.serve(() -> HandoutWebServer.serve(connection, false, delay, SERVER)));
                        } catch (IOException gaveUp) {
                            // The client stopped waiting and closed: the others have too (the failure is recorded).
                            server.note("Client " + i + " stopped waiting before its turn came; the server stops.");
                            break;
                        }
                    }
                }
            }
            handlers.forEach(Task::join);
            return requests;
        });
    }

    /**
     * What one client saw.
     *
     * @param elapsedMillis how long it waited, from the moment all clients were started
     * @param answeredNanos when its response had arrived ({@link System#nanoTime()}); {@code null} if none came
     */
    private record Fetched(long elapsedMillis, Long answeredNanos) {
    }

    /**
     * What all clients saw.
     *
     * @param totalMillis   how long the last one took
     * @param answeredNanos when each response that came had arrived
     */
    private record Served(long totalMillis, List<Long> answeredNanos) {
        long answeredBefore(long nanos) {
            return answeredNanos.stream().filter(at -> at - nanos < 0).count();
        }
    }

    /** Starts every client at once and returns what they saw. */
    private static Served runClients(RunContext context, HostPort address, int clients, Duration patience) {
        long start = System.nanoTime();
        List<Task<Fetched>> tasks = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            Actor client = context.actor("Client " + i);
            tasks.add(context.supply(client.name(), () -> fetch(context, client, address, start, patience)));
        }
        long total = 0;
        List<Long> answered = new ArrayList<>();
        TaskFailedException firstFailure = null;
        for (Task<Fetched> task : tasks) {
            // Every client is joined, so that no failure is left behind; the first one is reported.
            try {
                Fetched fetched = task.join();
                total = Math.max(total, fetched.elapsedMillis());
                if (fetched.answeredNanos() != null) {
                    answered.add(fetched.answeredNanos());
                }
            } catch (TaskFailedException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        context.actor("Clients").print("All " + clients + " clients served in " + total + " ms");
        return new Served(total, answered);
    }

    /** @param patience how long the client waits for its response; {@code null}: the run's time-out */
    private static Fetched fetch(RunContext context, Actor client, HostPort address, long start, Duration patience)
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
            return new Fetched(waited, null);
        }
        long answeredNanos = System.nanoTime();
        long elapsed = (answeredNanos - start) / 1_000_000;
        HttpResponseParts response = HttpResponseParts.parse(received);
        client.print(client.name() + ": " + response.statusLine() + " after " + elapsed + " ms");
        context.check(client.name() + " got the file", response.statusCode() == 200, "HTTP/1.1 200 OK",
                response.statusLine().isEmpty() ? "nothing" : response.statusLine());
        return new Fetched(elapsed, received.length == 0 ? null : answeredNanos);
    }

    /**
     * Against the student's server: a slow client connects first and stays silent for {@code delay} ms. A
     * single-threaded server waits in its recv for it, so every other client waits too.
     */
    private static void testTarget(RunContext context, ServerMode mode, int clients, int delay) throws Exception {
        HostPort address = mode.target();
        Actor slow = context.actor("Slow client");
        context.note("Testing your server at " + address
                + ": the reference server does not run, and threaded has no effect.");
        Optional<TcpConnection> connected = mode.exchange(context, () -> slow.connect(address.host(), address.port()));
        if (connected.isEmpty()) {
            return;
        }
        Task<Optional<Served>> others;
        long[] requestSentNanos = new long[1];
        try (TcpConnection silent = connected.get()) {
            slow.print("Slow client: connected, will send its request in " + delay + " ms");
            others = context.supply("Clients", () -> mode.exchange(context,
                    () -> runClients(context, address, clients, null)));
            Thread.sleep(delay); // the slow client's silence is the lesson, not a wait for an event
            mode.exchange(context, () -> {
                requestSentNanos[0] = System.nanoTime();
                silent.send("GET /" + HandoutWebServer.HELLO_FILE + " HTTP/1.1\r\nHost: " + address.host()
                        + "\r\n\r\n");
                return silent.recvUntilClosed(1024);
            });
        }
        // Judged by order, not by the clock: a server that serves one connection at a time is still in its
        // recv for the slow client, so no other client can have its answer before the slow client's request.
        Optional<Served> served = others.join();
        served.ifPresent(all -> {
            long before = all.answeredBefore(requestSentNanos[0]);
            context.check("The other clients were served while the slow client was silent", before == clients,
                    "all " + clients + " clients answered before the slow client sent its request (after "
                            + delay + " ms of silence)",
                    before + " of " + clients + " answered before it; the last one took " + all.totalMillis() + " ms");
        });
    }
}
