package org.socketlab.cases.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jsoup.Jsoup;
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
import org.socketlab.cases.support.ClientRequest;
import org.socketlab.cases.support.HandoutPrograms;
import org.socketlab.cases.support.HttpResponseParts;
import org.socketlab.cases.support.HttpResponseReader;
import org.socketlab.cases.support.PythonConsole;
import org.socketlab.cases.support.ServerMode;

/** Handouts 003 and 004, the web server exercise: a file from the server's folder, or 404 Not Found. */
public final class WebServerCase implements LabCase {
    /** Bounds what the browser stand-in keeps of one response. */
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    static final Program SERVER = HandoutPrograms.verbatim("Web server", "h004/web_server.py");

    private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(2);

    private static final CaseInfo INFO = CaseInfo.builder("web-server")
            .title("A web server: the file, or 404 Not Found")
            .summary("A one-request-at-a-time web server sends the requested file from its folder, or 404 Not Found.")
            .tags("tcp", "http", "server", "files")
            .source("Handout 003, 4: Exercise: a web server (also Handout 004, Task 2)")
            .group(Handouts.H003)
            .programs(SERVER)
            .description("""
                    ## Scenario
                    The completed skeleton `web_server.py` prints `Ready to serve...`, accepts a browser, reads \
                    the request with one `recv(1024)`, takes the path (`message.split()[1]`) and opens that \
                    file in its own folder. It sends `HTTP/1.1 200 OK`, a blank line and the file one \
                    character per `send`, then closes. A missing file raises `IOError`, and the server \
                    answers `HTTP/1.1 404 Not Found` with a small page instead. The folder here holds \
                    `HelloWorld.html` and `about.html`; a reference client plays the browser and asks for a \
                    file and for a missing one.

                    ## What to look for
                    - One **send** per character of the file: TCP does not keep them apart, and the \
                    browser's **recv** calls get them in pieces of any size.
                    - The 404 page is the handout's own bytes, typo included: `<bdy>` where `<body>` was meant. \
                    A browser forgives it and still shows the heading.
                    - The 404 answer has a real status line, `HTTP/1.1 404 Not Found`: a browser (and the \
                    check) reads the status from there, not from the page's text.
                    - `Ready to serve...` appears once more after each request: the server's loop waits for \
                    the next browser.

                    ## Try
                    - Set `path` to `/about.html`, or to a missing file: the check then expects 404.
                    - Switch off `sendByCharacter`: one send for the whole file, the same bytes.
                    - Run your own server and put its address in `target` (e.g. `127.0.0.1:6789`), with \
                    `HelloWorld.html` in its folder.
                    - Set `listenPort` and open `http://127.0.0.1:PORT/HelloWorld.html` and a missing file in \
                    your browser (or with `curl`): the lab's server answers your client's two requests.
                    """)
            .build();

    private static final Param<String> PATH = Param.of("path", "/" + HandoutWebServer.HELLO_FILE,
            "Path the browser asks for first", HttpTargets::path);
    private static final Param<String> MISSING_PATH = Param.of("missingPath", "/NotHere.html",
            "A path of a file that is not in the folder (expects 404)", HttpTargets::path);
    private static final Param<Boolean> SEND_BY_CHARACTER = Param.bool("sendByCharacter", true,
            "Send the file one character per send, as the skeleton's loop does; off: one send");
    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("web server");
    private static final List<ParamSpec> PARAMS = Param.specs(PATH, MISSING_PATH, SEND_BY_CHARACTER, TARGET,
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
        if (HandoutWebServer.FOLDER.containsKey(params.get(MISSING_PATH).substring(1))) {
            throw new InvalidParamException("missingPath", "names a file that is in the folder: choose a missing one");
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
        String path = params.get(PATH);
        String missingPath = params.get(MISSING_PATH);
        ServerMode mode = ServerMode.of(params, TARGET);
        if (mode.yourServer()) {
            mode.noteYourServer(context);
            Optional<HttpResponseParts> file = mode.exchange(context, () -> fetch(context, mode.target(), path));
            Optional<HttpResponseParts> missing = file.isEmpty() ? Optional.empty()
                    : mode.exchange(context, () -> fetch(context, mode.target(), missingPath));
            if (missing.isPresent()) {
                checkResponses(context, path, missingPath, file.get(), missing.get(), false);
            }
            return;
        }
        TcpListener listener = mode.listenHttp(context, context.actor("Web server"));
        Task<List<byte[]>> server = serve(context, mode, listener, 2, params.get(SEND_BY_CHARACTER));
        if (mode.yourClient()) {
            List<byte[]> requests = server.join();
            for (int i = 0; i < requests.size(); i++) {
                ClientRequest.parse(requests.get(i)).checkRequestLine(context, i + 1);
            }
            mode.checkClientCame(context, 2);
            return;
        }
        HostPort address = new HostPort("127.0.0.1", listener.port());
        HttpResponseParts file = fetch(context, address, path);
        HttpResponseParts missing = fetch(context, address, missingPath);
        server.join();
        checkResponses(context, path, missingPath, file, missing, true);
    }

    private static void checkResponses(RunContext context, String path, String missingPath, HttpResponseParts file,
                                       HttpResponseParts missing, boolean reference) {
        String fileName = path.substring(1);
        boolean expectFile = !reference || HandoutWebServer.FOLDER.containsKey(fileName);
        context.check("The server answered " + path + " with " + (expectFile ? "200 OK" : "404 Not Found"),
                file.statusCode() == (expectFile ? 200 : 404),
                expectFile ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found", statusOf(file));
        if (reference && expectFile) {
            context.check("The browser received the whole file", Arrays.equals(HandoutWebServer.sentBody(fileName),
                    file.body()), HandoutWebServer.FOLDER.get(fileName), file.bodyText());
        } else if (expectFile) {
            String text = Jsoup.parse(file.bodyText()).text();
            context.check("The file has visible text", !text.isBlank(), "the text of " + fileName,
                    text.isBlank() ? "an empty page" : text);
        }
        context.check("The server answered " + missingPath + " with a real 404 status line",
                missing.statusCode() == 404, "HTTP/1.1 404 Not Found", statusOf(missing));
        String notFound = Jsoup.parse(missing.bodyText()).text();
        context.check("The 404 page says Not Found", notFound.toLowerCase(Locale.ROOT).contains("not found"),
                "a page with \"404 Not Found\"", notFound.isBlank() ? "an empty page" : notFound);
    }

    /** The skeleton's loop, until {@code connections} were served or the live time is up; its value is the requests. */
    static Task<List<byte[]>> serve(RunContext context, ServerMode mode, TcpListener listener, int connections,
                                           boolean byCharacter) {
        Actor server = listener.actor();
        return context.supply("Web server", () -> {
            List<byte[]> requests = new ArrayList<>();
            try (listener) {
                for (int i = 0; i < connections; i++) {
                    HandoutWebServer.ready(server, SERVER);
                    Optional<TcpConnection> accepted = mode.accept(listener);
                    if (accepted.isEmpty()) {
                        return requests;
                    }
                    mode.exchange(context,
                            () -> requests.add(HandoutWebServer.serve(accepted.get(), byCharacter, SERVER)));
                }
                HandoutWebServer.ready(server, SERVER);
                server.note("The lab stops the server here; the handout's loop would wait for the next browser.");
            }
            return requests;
        });
    }

    /** The reference browser: one GET, the response read until the server closes, its lines shown. */
    private static HttpResponseParts fetch(RunContext context, HostPort address, String path) throws Exception {
        Actor browser = context.actor("Browser");
        try (TcpConnection socket = browser.connect(address.host(), address.port())) {
            socket.setTimeout(context.ioTimeout().compareTo(BROWSER_TIMEOUT) < 0 ? context.ioTimeout() : BROWSER_TIMEOUT);
            socket.send("GET " + path + " HTTP/1.1\r\nHost: " + address.host() + ":" + address.port() + "\r\n"
                    + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
                    + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                    + "Connection: keep-alive\r\n\r\n");
            // As a browser reads (RFC 9112 §6.3): to Content-Length when there is one, else to the close, which
            // is how the skeleton, sending no Content-Length, ends its response.
            byte[] received = HttpResponseReader.read(socket, 1024, MAX_RESPONSE_BYTES);
            browser.print("Browser received for " + path + ":");
            PythonConsole.print(browser, new String(received, StandardCharsets.UTF_8));
            return HttpResponseParts.parse(received);
        }
    }

    private static String statusOf(HttpResponseParts response) {
        return response.statusLine().isEmpty() ? "nothing (the connection closed without an answer)"
                : response.statusLine();
    }
}
