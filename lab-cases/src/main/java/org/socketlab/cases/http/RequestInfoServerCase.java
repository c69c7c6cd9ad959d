package org.socketlab.cases.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import org.socketlab.cases.support.HttpMessages;
import org.socketlab.cases.support.ServerMode;

/** Handout 001, Part 6 (challenge): an HTTP server that shows the request's method, path and user agent. */
public final class RequestInfoServerCase implements LabCase {
    static final Program SERVER = HandoutPrograms.reconstructed("Server", "h001/request_info_server.py",
            "Written by the lab from the challenge: parse the request line and headers, answer with a page "
                    + "that shows them.");

    private static final int MAX_PATHS = 20;
    private static final CaseInfo INFO = CaseInfo.builder("request-info-server")
            .title("Challenge: the Request-Info Server")
            .summary("An HTTP server that parses each request and shows its method, path and browser, or 404.")
            .tags("http", "tcp", "server", "parsing", "html", "challenge")
            .source("Handout 001, Part 6: Challenge: build a real HTTP server (request parsing)")
            .group(Handouts.H001)
            .programs(SERVER)
            .description("""
                    ## Scenario
                    The challenge: a server that reads each request, parses the request line \
                    (`GET /hello HTTP/1.1`) and the headers by hand, and answers `/`, `/hello` and `/about` \
                    with `HTTP/1.1 200 OK` and a page showing the **Method**, the **Path** and the \
                    **Browser** (the `User-Agent` header). Any other path gets `HTTP/1.1 404 Not Found` and \
                    an error page. A browser stand-in asks for `/`, `/hello`, `/about` and `/missing`.

                    ## What to look for
                    - The browser's **send**: the three values the page shows are all in it. The method and \
                    path are the first two words of the first line; the browser is the `User-Agent` line.
                    - The server reads until the empty line that ends the head (`\\r\\n\\r\\n`), then answers.
                    - The status line of `/missing` is a real `404 Not Found`, not a 200 with an error page: \
                    that is what the checks look at.
                    - The reference server escapes what it echoes into HTML: try a `userAgent` with `<b>`.

                    ## Try
                    - Change `paths`, `method` or `userAgent` and see them come back in the page.
                    - Set `target` to `127.0.0.1:8000` while your own server runs: the browser stand-in asks \
                    your server the same questions, and the checks read its pages.
                    - Set `listenPort` and visit `http://127.0.0.1:PORT/hello` in your browser or with `curl`: \
                    the checks read your client's requests (a method, a path and a User-Agent).
                    """)
            .build();

    private static final Param<List<String>> PATHS = Param.of("paths", "/,/hello,/about,/missing",
            "Comma-separated paths the browser asks for; /, /hello and /about exist, others are 404",
            RequestInfoServerCase::paths);
    private static final Param<String> METHOD = Param.choice("method", "GET", List.of("GET", "POST", "PUT", "DELETE"),
            "The method of every request");
    private static final Param<String> USER_AGENT = Param.string("userAgent", "Mozilla/5.0",
            "The User-Agent header the browser sends");
    private static final Param<Optional<HostPort>> TARGET = ServerMode.target("request-info server");
    private static final List<ParamSpec> PARAMS = Param.specs(PATHS, METHOD, USER_AGENT, TARGET, ServerMode.LISTEN_PORT,
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
        String agent = params.get(USER_AGENT);
        // RFC 9110 §5.5: a field value is visible characters and spaces; a line break would end the header.
        if (agent.isBlank() || !agent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new InvalidParamException("userAgent", "must be printable ASCII on one line, e.g. Mozilla/5.0");
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
        List<String> paths = params.get(PATHS);
        String method = params.get(METHOD);
        String agent = params.get(USER_AGENT).trim();
        ServerMode mode = ServerMode.of(params, TARGET);
        if (mode.yourServer()) {
            mode.noteYourServer(context);
            browse(context, mode, mode.target(), paths, method, agent);
            return;
        }
        Actor server = context.actor("Server");
        TcpListener listener = mode.listenHttp(context, server);
        server.print("Request-info server running on http://127.0.0.1:" + listener.port());
        if (mode.yourClient()) {
            List<byte[]> heads = RequestInfoReferenceServer.serve(context, mode, listener, paths.size());
            for (int i = 0; i < heads.size(); i++) {
                ClientRequest request = ClientRequest.parse(heads.get(i));
                request.checkRequestLine(context, i + 1);
                request.checkUserAgent(context, i + 1);
            }
            mode.checkClientCame(context, paths.size());
            return;
        }
        Task<List<byte[]>> serverTask = context.supply("Server",
                () -> RequestInfoReferenceServer.serve(context, mode, listener, paths.size()));
        browse(context, mode, new HostPort("127.0.0.1", listener.port()), paths, method, agent);
        serverTask.join();
    }

    // The browser stand-in asks for each path; a request the student's server fails ends the browsing.
    private static void browse(RunContext context, ServerMode mode, HostPort address, List<String> paths,
                               String method, String agent) throws Exception {
        Actor browser = context.actor("Browser");
        for (String path : paths) {
            Optional<byte[]> response = mode.exchange(context, () -> request(browser, address, method, path, agent));
            if (response.isEmpty()) {
                return;
            }
            Document page = Jsoup.parse(new String(HttpMessages.body(response.get()), StandardCharsets.UTF_8));
            browser.print(method + " " + path + " -> " + HttpMessages.firstLine(response.get()));
            browser.print("Browser shows: " + page.body().text());
            checkPage(context, method, path, agent, response.get(), page);
        }
    }

    private static void checkPage(RunContext context, String method, String path, String agent, byte[] response,
                                  Document page) {
        String request = method + " " + path;
        if (RequestInfoReferenceServer.answers(path)) {
            context.check(request + " is answered 200", HttpMessages.statusCode(response) == 200, "200", statusOf(response));
            context.checkEquals("The page for " + request + " shows the method", method, field(page, "Method:"));
            context.checkEquals("The page for " + request + " shows the path", path, field(page, "Path:"));
            context.checkEquals("The page for " + request + " shows the browser", agent, field(page, "Browser:"));
        } else {
            context.check(request + " is answered 404", HttpMessages.statusCode(response) == 404, "404", statusOf(response));
            Element heading = page.selectFirst("h1");
            context.checkEquals("The page for " + request + " says 404 Not Found", "404 Not Found",
                    heading == null ? "(no <h1> in the page)" : heading.text());
        }
    }

    private static String statusOf(byte[] response) {
        int status = HttpMessages.statusCode(response);
        return status >= 0 ? String.valueOf(status) : response.length == 0
                ? "nothing: the connection closed without an answer" : HttpMessages.firstLine(response);
    }

    // The value after a label such as "Method:", whether the label is in <strong> (as the handout) or not.
    private static String field(Document page, String label) {
        for (Element paragraph : page.select("p")) {
            String text = paragraph.text();
            if (text.startsWith(label)) {
                return text.substring(label.length()).trim();
            }
        }
        return "(no '" + label + "' line in the page)";
    }

    private static byte[] request(Actor browser, HostPort address, String method, String path, String agent)
            throws Exception {
        try (TcpConnection connection = browser.connect(address.host(), address.port())) {
            // The handout's example request, plus Connection: close so that the server's close ends the page.
            connection.send(method + " " + path + " HTTP/1.1\r\n"
                    + "Host: " + address.host() + ":" + address.port() + "\r\n"
                    + "User-Agent: " + agent + "\r\n"
                    + "Accept: text/html\r\n"
                    + (method.equals("GET") ? "" : "Content-Length: 0\r\n")
                    + "Connection: close\r\n"
                    + "\r\n");
            return connection.recvUntilClosed(4096);
        }
    }

    // The browser's requests, parsed once before the run.
    private static List<String> paths(String text) {
        List<String> paths = Arrays.stream(text.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (paths.isEmpty() || paths.size() > MAX_PATHS) {
            throw new IllegalArgumentException("needs 1 to " + MAX_PATHS + " paths, e.g. /,/hello");
        }
        for (String path : paths) {
            // RFC 9112 §3.2: the request-target is visible ASCII; a space would end it early.
            if (!path.startsWith("/") || !path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ',' && c != '#')) {
                throw new IllegalArgumentException("each path must start with / and hold only visible ASCII without "
                        + "spaces or #");
            }
        }
        return paths;
    }
}
