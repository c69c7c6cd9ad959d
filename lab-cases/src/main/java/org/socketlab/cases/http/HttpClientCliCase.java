package org.socketlab.cases.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
import org.socketlab.cases.support.HttpResponseParts;
import org.socketlab.cases.support.PythonConsole;
import org.socketlab.cases.support.ServerMode;

/** Handout 003, optional exercise 2: {@code client.py server_host server_port filename}. */
public final class HttpClientCliCase implements LabCase {
    static final Program CLIENT = HandoutPrograms.reconstructed("Client", "h003/cli/client.py",
            "Written by the lab from the exercise: client.py server_host server_port filename sends one GET "
                    + "and prints the response.");

    private static final CaseInfo INFO = CaseInfo.builder("http-client-cli")
            .title("Your own HTTP client: client.py host port filename")
            .summary("A command-line HTTP client sends a GET for a file and prints the server's response.")
            .tags("tcp", "http", "client", "recv")
            .source("Handout 003, Optional exercise 2: an HTTP client (client.py server_host server_port filename)")
            .group(Handouts.H003)
            .programs(CLIENT, WebServerCase.SERVER)
            .description("""
                    ## Scenario
                    Instead of a browser, `client.py` tests the web server: it takes the server's host, its \
                    port and the file's path on the command line, connects over TCP, sends a GET request for \
                    that path and prints the server's response. By default it talks to the exercise's web \
                    server, started on loopback with `HelloWorld.html` in its folder.

                    ## What to look for
                    - The client's **send**: `GET /HelloWorld.html HTTP/1.1`, a `Host` line and \
                    `Connection: close`, which asks the server to close after its response: the client \
                    reads until that close (the last **recv** returns 0 bytes), however many pieces come.
                    - The output is the response exactly as it came: status line, blank line, the file.

                    ## Try
                    - Set `filename` to `NoSuchFile.html`: the server answers `404 Not Found`.
                    - Aim `host` and `port` at another web server on this machine, such as your own.
                    """)
            .build();

    private static final Param<String> HOST = Param.of("host", "",
            "server_host; empty: the exercise's web server, started on loopback", HttpTargets::host);
    private static final Param<Integer> PORT = Param.integer("port", 6789, 1, 65_535,
            "server_port, used with host (the started server picks its own)");
    private static final Param<String> FILENAME = Param.string("filename", HandoutWebServer.HELLO_FILE,
            "The path of the file to ask for");
    private static final List<ParamSpec> PARAMS = Param.specs(HOST, PORT, FILENAME);

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
        String filename = params.get(FILENAME);
        if (filename.isEmpty() || filename.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new InvalidParamException("filename", "must name a file without spaces, e.g. HelloWorld.html");
        }
    }

    private static String path(Params params) {
        String filename = params.get(FILENAME);
        return filename.startsWith("/") ? filename : "/" + filename;
    }

    @Override
    public void run(RunContext context) throws Exception {
        Params params = context.params();
        String path = path(params);
        boolean ownServer = params.get(HOST).isEmpty();
        Actor client = context.actor("Client");
        Task<?> server = null;
        String host = params.get(HOST);
        int port = params.get(PORT);
        if (ownServer) {
            TcpListener listener = context.actor("Web server").listen();
            server = WebServerCase.serve(context, ServerMode.reference(), listener, 1, false);
            host = "127.0.0.1";
            port = listener.port();
        }
        client.note("python client.py " + host + " " + port + " " + params.get(FILENAME));

        byte[] received;
        try (TcpConnection socket = client.connect(host, port)) {
            socket.send("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n");
            received = socket.recvUntilClosed(1024);
        }
        PythonConsole.print(client, new String(received, StandardCharsets.UTF_8));
        if (server != null) {
            server.join();
        }

        HttpResponseParts response = HttpResponseParts.parse(received);
        context.check("The server sent a response with a status line", response.statusCode() > 0,
                "HTTP/1.1 <code> <reason>", received.length == 0 ? "nothing: the server closed without answering"
                        : response.statusLine());
        context.check("The whole response arrived", response.bodyComplete(), response.announcedLength(),
                response.body().length + " body bytes");
        if (ownServer) {
            String file = path.substring(1);
            boolean exists = HandoutWebServer.FOLDER.containsKey(file);
            context.checkEquals("The server answered " + path + " as its folder says",
                    exists ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found", response.statusLine());
            if (exists) {
                context.check("The client printed the whole file",
                        Arrays.equals(HandoutWebServer.sentBody(file), response.body()),
                        HandoutWebServer.FOLDER.get(file), response.bodyText());
            }
        }
    }
}
