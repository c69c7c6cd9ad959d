package org.socketlab.cases.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.TcpConnection;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.HttpResponseParts;
import org.socketlab.cases.support.PythonConsole;
import org.socketlab.cases.support.StandInWebServer;

/** Handout 002, large_file_get.py: a raw GET of a large page, read with recv in a loop until the server closes. */
public final class LargeFileGetCase implements LabCase {
    static final Program PROGRAM = HandoutPrograms.reconstructed("Client", "h002/large_file_get.py",
            "Rebuilt from the handout's description and its screenshots of the program's output.");

    private static final CaseInfo INFO = CaseInfo.builder("large-file-get")
            .title("GET a large page: loop until the server closes")
            .summary("A large page arrives in pieces: only a recv loop that runs until the server closes gets it all.")
            .tags("tcp", "http", "client", "recv", "stream")
            .source("Handout 002, 2.2: Large file GET client (large_file_get.py)")
            .group(Handouts.H002)
            .programs(PROGRAM)
            .description("""
                    ## Scenario
                    `large_file_get.py` asks gaia.cs.umass.edu for `HTTP-wireshark-file3.html`, a 4,500-byte \
                    page: the response is 4,805 bytes, far more than one `recv(1024)`. It keeps calling `recv` \
                    and appending until `recv` returns 0 bytes (the server has closed the connection), then \
                    prints `[RECV] - total length: 4805` and the whole response. A stand-in for gaia runs on \
                    loopback, sends the same head and page, and closes after its response.

                    ## What to look for
                    - Several **recv** events: each asked for 1024 bytes and got at most that; the last one \
                    returns 0 bytes, which is how the loop knows the response is over.
                    - The request has no `Connection: close`, as in the handout: the loop ends only because \
                    the server closes. An HTTP/1.1 server that keeps the connection open would make it wait \
                    for the server's keep-alive time-out.
                    - The check *one recv alone would have truncated it* compares the first recv with the total.

                    ## Try
                    - Switch off `readUntilClosed` (the bug: a single recv, as in `simple-get`): only the \
                    first 1024 bytes arrive and the check on `Content-Length` fails.
                    - Set `bufferSize` to 65536: fewer, bigger reads, the same bytes.
                    - Aim `host`/`port` at a real HTTP/1.1 server: without `connectionClose` the loop waits \
                    for the server's keep-alive time-out (or the lab's recv time-out); switch it on to end early.
                    """)
            .build();

    private static final Param<Boolean> READ_UNTIL_CLOSED = Param.bool("readUntilClosed", true,
            "recv in a loop until the server closes (the fix); off: one recv only (the bug)");
    private static final Param<Integer> BUFFER_SIZE = Param.integer("bufferSize", 1024, 1, 65_536,
            "How many bytes each recv asks for (the handout: 1024)");
    private static final Param<String> HOST = GaiaPages.HOST_PARAM;
    private static final Param<Integer> PORT = GaiaPages.PORT_PARAM;
    private static final Param<String> PATH = Param.of("path", GaiaPages.LARGE_PATH, "Path of the page to GET",
            HttpTargets::path);
    private static final Param<Boolean> CONNECTION_CLOSE = Param.bool("connectionClose", false,
            "Add 'Connection: close' to the request (the handout's program does not: it relies on the server closing "
            + "after its response)");
    private static final List<ParamSpec> PARAMS = Param.specs(READ_UNTIL_CLOSED, BUFFER_SIZE, HOST, PORT, PATH,
            CONNECTION_CLOSE);

    @Override
    public CaseInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public void run(RunContext context) throws Exception {
        Params params = context.params();
        String path = params.get(PATH);
        int bufferSize = params.get(BUFFER_SIZE);
        boolean readUntilClosed = params.get(READ_UNTIL_CLOSED);
        boolean standIn = params.get(HOST).isEmpty();
        Actor client = context.actor("Client");

        String page = GaiaPages.largePage();
        StandInWebServer gaia = standIn ? StandInWebServer.builder(context, "gaia (stand-in)")
                .response(GaiaPages.LARGE_PATH, GaiaPages.apacheResponse(page))
                .sendChunkBytes(GaiaPages.SEND_BLOCK_BYTES).start() : null;
        String host = standIn ? "127.0.0.1" : params.get(HOST);
        int port = standIn ? gaia.port() : params.get(PORT);
        if (standIn) {
            context.note("gaia.cs.umass.edu is not reachable from the lab: a stand-in answers on " + host + ":" + port
                    + " and writes its large page in " + GaiaPages.SEND_BLOCK_BYTES + "-byte blocks.");
        }

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int firstRecv = -1;
        int recvCalls = 0;
        try (TcpConnection socket = GaiaPages.sendGet(client, PROGRAM, host, port, path,
                standIn ? GaiaPages.HOST : host, params.get(CONNECTION_CLOSE))) {
            if (readUntilClosed) {
                byte[] chunk;
                while ((chunk = socket.recv(bufferSize)).length > 0) {
                    firstRecv = firstRecv < 0 ? chunk.length : firstRecv;
                    recvCalls++;
                    all.writeBytes(chunk);
                }
                client.at(PROGRAM, "[RECV]")
                        .print("[RECV] - total length: " + all.toString(StandardCharsets.UTF_8).length());
            } else {
                if (gaia != null) {
                    // Let the stand-in write the whole page first: the single recv then shows that recv(n) returns
                    // at most n bytes even when the rest is already waiting, and no write races the early close.
                    gaia.awaitDone();
                }
                all.writeBytes(socket.recv(bufferSize));
                client.at(PROGRAM, "[RECV]").print("[RECV] - length: " + all.toString(StandardCharsets.UTF_8).length());
            }
            client.at(PROGRAM, "print(text)");
            PythonConsole.print(client, all.toString(StandardCharsets.UTF_8));
            client.at(PROGRAM, "sock.close()");
        }
        if (gaia != null) {
            gaia.awaitDone();
        }
        check(context, HttpResponseParts.parse(all.toByteArray()), all.size(), readUntilClosed, firstRecv, recvCalls,
                standIn && path.equals(GaiaPages.LARGE_PATH) ? page : null);
    }

    private static void check(RunContext context, HttpResponseParts response, int total, boolean readUntilClosed,
                              int firstRecv, int recvCalls, String expectedPage) {
        context.check("The server answered 200 OK", response.statusCode() == 200, "HTTP/1.1 200 OK",
                response.statusLine().isEmpty() ? "nothing (the server closed without answering)" : response.statusLine());
        context.check("The whole page arrived", response.bodyComplete(), response.announcedLength(),
                response.body().length + " body bytes" + (readUntilClosed ? "" : " from a single recv"));
        if (expectedPage != null) {
            byte[] expected = expectedPage.getBytes(StandardCharsets.UTF_8);
            context.check("The page is exactly the one the server sent", Arrays.equals(expected, response.body()),
                    expected.length + " bytes of the page", response.body().length + " bytes received");
        }
        if (readUntilClosed) {
            context.check("One recv alone would have truncated it", firstRecv >= 0 && firstRecv < total,
                    "the first recv returns less than the " + total + "-byte response",
                    "the first recv returned " + Math.max(firstRecv, 0) + " bytes; " + recvCalls + " recv calls got data");
        } else {
            context.note("One recv returned " + total + " bytes and the program never asked for the rest.");
        }
    }
}
