package org.socketlab.cases.http;

import java.nio.charset.StandardCharsets;
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

/** Handout 002, simple_get.py: a raw GET of a small page, read with one recv. */
public final class SimpleGetCase implements LabCase {
    static final Program PROGRAM = HandoutPrograms.reconstructed("Client", "h002/simple_get.py",
            "Rebuilt from the handout's description and its screenshot of the program's output.");

    private static final CaseInfo INFO = CaseInfo.builder("simple-get")
            .title("GET a small page with one recv")
            .summary("A raw HTTP GET over a TCP socket: one recv is enough for a small page.")
            .tags("tcp", "http", "client", "recv")
            .source("Handout 002, 2.1: Simple GET client (simple_get.py)")
            .group(Handouts.H002)
            .programs(PROGRAM)
            .description("""
                    ## Scenario
                    `simple_get.py` connects to gaia.cs.umass.edu on port 80, writes an HTTP GET request by \
                    hand (`GET /wireshark-labs/INTRO-wireshark-file1.html HTTP/1.1` and a `Host:` line), calls \
                    `recv(4096)` once and prints the length and the text of what came back. A stand-in for \
                    gaia runs on loopback and answers the way its Apache does.

                    ## What to look for
                    - The client's **send**: the request line, the `Host:` line and the blank line that ends \
                    the request (`\\r\\n\\r\\n`).
                    - The single **recv**: asked for 4096 bytes, got the whole response (about 380 bytes): \
                    the status line `HTTP/1.1 200 OK`, Apache's header lines and the 81-byte page announced \
                    by `Content-Length: 81`.
                    - One recv worked only because the page is small: compare with `large-file-get`.

                    ## Try
                    - Lower `bufferSize` to 100: the one recv now returns the first 100 bytes and the check \
                    on `Content-Length` fails.
                    - Change `path` to a page that does not exist: the server answers `404 Not Found`.
                    - Aim `host` and `port` at another web server on this machine.
                    """)
            .build();

    private static final Param<String> HOST = GaiaPages.HOST_PARAM;
    private static final Param<Integer> PORT = GaiaPages.PORT_PARAM;
    private static final Param<String> PATH = Param.of("path", GaiaPages.SMALL_PATH, "Path of the page to GET",
            HttpTargets::path);
    private static final Param<Integer> BUFFER_SIZE = Param.integer("bufferSize", 4096, 1, 65_536,
            "How many bytes the one recv asks for");
    private static final List<ParamSpec> PARAMS = Param.specs(HOST, PORT, PATH, BUFFER_SIZE);

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
        boolean standIn = params.get(HOST).isEmpty();
        Actor client = context.actor("Client");

        StandInWebServer gaia = standIn ? StandInWebServer.builder(context, "gaia (stand-in)")
                .response(GaiaPages.SMALL_PATH, GaiaPages.apacheResponse(GaiaPages.SMALL_PAGE)).start() : null;
        String host = standIn ? "127.0.0.1" : params.get(HOST);
        int port = standIn ? gaia.port() : params.get(PORT);
        String hostHeader = standIn ? GaiaPages.HOST : host;
        if (standIn) {
            context.note("gaia.cs.umass.edu is not reachable from the lab: a stand-in answers on " + host + ":" + port
                    + " as its Apache would.");
        }

        byte[] received;
        try (TcpConnection socket = GaiaPages.sendGet(client, PROGRAM, host, port, path, hostHeader, false)) {
            received = socket.recv(bufferSize);
            String text = new String(received, StandardCharsets.UTF_8);
            // len() of the decoded text, as the program prints it: characters, not bytes.
            client.at(PROGRAM, "[RECV]").print("[RECV] - length: " + text.length());
            client.at(PROGRAM, "print(text)");
            PythonConsole.print(client, text);
            client.at(PROGRAM, "sock.close()");
        }
        if (gaia != null) {
            gaia.awaitDone();
        }

        HttpResponseParts response = HttpResponseParts.parse(received);
        context.check("The server answered 200 OK", response.statusCode() == 200, "HTTP/1.1 200 OK",
                response.statusLine().isEmpty() ? "nothing (the server closed without answering)" : response.statusLine());
        context.check("One recv held the whole response", response.bodyComplete(), response.announcedLength(),
                response.body().length + " body bytes in one recv(" + bufferSize + ") of " + received.length + " bytes");
        if (standIn && path.equals(GaiaPages.SMALL_PATH)) {
            context.checkEquals("The whole small page arrived", GaiaPages.SMALL_PAGE, response.bodyText());
        }
    }
}
