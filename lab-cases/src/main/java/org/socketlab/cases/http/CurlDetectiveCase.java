package org.socketlab.cases.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.socketlab.cases.support.ClientRequest;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.HttpRequestReader;
import org.socketlab.cases.support.PythonConsole;
import org.socketlab.cases.support.ServerMode;

/** Handout 000, Task 3: Server.py prints each raw request curl sends, which means reading all of it first. */
public final class CurlDetectiveCase implements LabCase {
    static final Program SERVER = HandoutPrograms.reconstructed("Server", "h000/Server.py",
            "Written by the lab from the task: read the whole request with repeated recv(BUFFER_SIZE), print it.");
    static final Program ONE_RECV_SERVER = HandoutPrograms.reconstructed("Server", "h000/Server_one_recv.py",
            "Written by the lab: the first try the handout warns about, one recv per request.");
    static final Program CURL = HandoutPrograms.verbatim("curl", "h000/curl_tests.sh");
    /** Bounds what the reference server keeps of one request; curl's test requests are far smaller. */
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private static final CaseInfo INFO = CaseInfo.builder("curl-detective")
            .title("The Curl Detective Mystery")
            .summary("A socket server prints curl's raw HTTP requests exactly as received, large bodies included.")
            .tags("tcp", "http", "server", "recv", "curl")
            .source("Handout 000, Task 3: The Curl Detective Mystery")
            .group(Handouts.H000)
            .programs(SERVER, ONE_RECV_SERVER, CURL)
            .description("""
                    ## Scenario
                    Server.py accepts the handout's three curl requests (a GET, a POST with a small body and \
                    a POST with 5000 bytes of `X`) and prints each raw request, headers and body, exactly as \
                    it arrived. It sends no response: it closes the connection, and curl reports \
                    `curl: (52) Empty reply from server`, which is expected.

                    ## What to look for
                    - curl's **send** of each request: request line, `Host`, `User-Agent: curl/8.4.0`, \
                    `Accept: */*`, and for the POSTs `Content-Length` and the form `Content-Type`.
                    - The server's **recv** events: the big request needs several `recv(bufferSize)` calls. \
                    The server knows it has everything when the blank line ending the headers has come and \
                    then `Content-Length` bytes of body.
                    - With a single recv, the server prints only the first `bufferSize` bytes and closes with \
                    the rest unread. The system then answers with a reset instead of a clean end (the server's \
                    **close** event says so), and curl prints `curl: (56) Recv failure: Connection reset by \
                    peer`, as the handout warns.

                    ## Try
                    - Switch off `readWholeRequest` for the handout's bug: the 5000-byte request is cut short.
                    - Set `bufferSize` to 100 with the loop on: more reads, the same request.
                    - Run your own Server.py and set `target` to its `host:port`: the lab's curl sends it the \
                    three requests and checks that your server closes each connection without a reset. Compare \
                    your console with curl's send events.
                    - Set `listenPort` and type the handout's three curl commands yourself (with the port \
                    the lab prints): the lab's Server.py prints what your real curl sent.
                    """)
            .build();

    private static final Param<Boolean> READ_WHOLE_REQUEST = Param.bool("readWholeRequest", true,
            "The lab's server calls recv until the whole request has come (the fix); off: a single recv "
                    + "(the handout's bug)");
    private static final Param<Integer> BUFFER_SIZE = Param.integer("bufferSize", 1024, 1, 65_536,
            "How many bytes the lab's server asks for in each recv");
    private static final Param<Integer> REPLY_TIMEOUT_MILLIS = Param.integer("replyTimeoutMillis", 1_000, 100, 2_000,
            "How long curl waits for the server to answer or close (real curl waits for ever)");
    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("Server.py");
    private static final List<ParamSpec> PARAMS = Param.specs(READ_WHOLE_REQUEST, BUFFER_SIZE, REPLY_TIMEOUT_MILLIS,
            TARGET, ServerMode.LISTEN_PORT, ServerMode.LIVE_SECONDS);

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
        Params params = context.params();
        Duration replyTimeout = Duration.ofMillis(params.get(REPLY_TIMEOUT_MILLIS));
        ServerMode mode = ServerMode.of(params, TARGET);
        Actor curl = context.actor("curl");
        if (mode.yourServer()) {
            HostPort target = mode.target();
            context.note("The lab's curl sends the handout's three requests to your server at " + target
                    + "; its console should show each one whole.");
            List<Curl.Request> requests = Curl.testRequests(target.toString());
            for (int i = 0; i < requests.size(); i++) {
                Curl.Request request = requests.get(i);
                curl.at(CURL, curlLine(i));
                checkEnding(context, request, Curl.exchange(curl, target.host(), target.port(), request,
                        replyTimeout));
            }
            return;
        }
        Program program = params.get(READ_WHOLE_REQUEST) ? SERVER : ONE_RECV_SERVER;
        Actor server = context.actor("Server");
        try (TcpListener listener = mode.listenHttp(context, server.at(program, "server.listen(1)"))) {
            if (mode.yourClient()) {
                int expected = Curl.testRequests("localhost").size();
                List<byte[]> received = serve(context, mode, listener, program, expected);
                for (int i = 0; i < received.size(); i++) {
                    if (ClientRequest.parse(received.get(i)).checkRequestLine(context, i + 1)) {
                        ClientRequest.checkWhole(context, i + 1, received.get(i));
                    }
                }
                mode.checkClientCame(context, expected);
                return;
            }
            runAgainstReferenceServer(context, mode, listener, program, curl, replyTimeout);
        }
    }

    private static void runAgainstReferenceServer(RunContext context, ServerMode mode, TcpListener listener,
                                                  Program program, Actor curl, Duration replyTimeout) throws Exception {
        context.note("Server.py listens on " + listener.local() + " (the handout uses port 9090).");
        List<Curl.Request> requests = Curl.testRequests("localhost:" + listener.port());
        // One curl command after another, as typed in a shell: each waits until the server closes.
        Task<List<Curl.Result>> client = context.supply("curl", () -> {
            List<Curl.Result> results = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                curl.at(CURL, curlLine(i));
                results.add(Curl.exchange(curl, "localhost", listener.port(), requests.get(i), replyTimeout));
            }
            return results;
        });
        List<byte[]> received = serve(context, mode, listener, program, requests.size());
        List<Curl.Result> results = client.join();
        for (int i = 0; i < requests.size(); i++) {
            byte[] sent = requests.get(i).bytes();
            byte[] raw = received.get(i);
            if (raw.length < sent.length) {
                context.note("Request " + (i + 1) + ": the server read " + raw.length + " of " + sent.length
                        + " bytes and closed; the other " + (sent.length - raw.length) + " were never read, so the "
                        + "system reset the connection and curl printed " + Curl.RESET + ".");
            }
            context.check("Server.py printed request " + (i + 1) + " (" + requests.get(i).label()
                    + ") exactly as curl sent it", Arrays.equals(sent, raw), preview(sent), preview(raw));
            checkEnding(context, requests.get(i), results.get(i));
        }
    }

    // Server.py: accept, read the request (whole, or with one recv), print it, close; until `requests` were
    // served or, in live mode, the live time is up.
    private static List<byte[]> serve(RunContext context, ServerMode mode, TcpListener listener, Program program,
                                      int requests) throws Exception {
        boolean readWhole = context.params().get(READ_WHOLE_REQUEST);
        int bufferSize = context.params().get(BUFFER_SIZE);
        Actor server = listener.actor();
        List<byte[]> received = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            server.at(program, "server.accept()");
            Optional<TcpConnection> accepted = mode.accept(listener);
            if (accepted.isEmpty()) {
                break;
            }
            TcpConnection connection = accepted.get();
            // Server.py's head loop and body loop both recv; the head's comes first.
            server.at(program, readWhole ? SERVER.lineOf("not in request") + 1 : ONE_RECV_SERVER.lineOf("conn.recv"));
            byte[] raw = mode.exchange(context, () -> readWhole
                    ? HttpRequestReader.read(connection, bufferSize, MAX_REQUEST_BYTES)
                    : connection.recv(bufferSize)).orElse(new byte[0]);
            server.at(program, "print(request.decode())");
            PythonConsole.print(server, new String(raw, StandardCharsets.UTF_8));
            received.add(raw);
            server.at(program, "conn.close()");
            // Closing with bytes still unread makes the system reset the connection (RFC 2525 §2.17):
            // Python's close does, so the lab's server closes abortively when it left bytes unread.
            if (!ClientRequest.isWhole(raw)) {
                connection.abort();
            } else {
                connection.close();
            }
        }
        return received;
    }

    /** The line of curl_tests.sh that sends request {@code index} (0, 1, 2): its n-th curl command. */
    private static int curlLine(int index) {
        List<String> lines = CURL.lines();
        int seen = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("curl ") && ++seen == index) {
                return i + 1;
            }
        }
        return CURL.lineOf("bigdata");
    }

    // The handout: no response is needed, so an empty reply is the good ending; a reset means the server
    // closed before reading the whole request, and a silent open connection leaves curl waiting for ever.
    private static void checkEnding(RunContext context, Curl.Request request, Curl.Result result) {
        boolean good = result.ending() == Curl.Ending.EMPTY_REPLY || result.ending() == Curl.Ending.RESPONSE;
        context.check("curl's " + request.label() + " ended with the connection closed cleanly, not reset",
                good, Curl.EMPTY_REPLY + " (or a response)", result.message());
    }

    /** A request as check text: its size, and its bytes with line breaks shown, shortened when long. */
    static String preview(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
        String shown = text.length() <= 200 ? text : text.substring(0, 170) + " … " + text.substring(text.length() - 20);
        return raw.length + " bytes: " + shown;
    }
}
