package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.cli.Command;
import org.socketlab.server.cli.CommandLineParser;
import org.socketlab.server.cli.UsageException;
import org.socketlab.server.plugins.CaseRegistry;

/** The browser-facing defences of a running Socket Lab, each refusal over a real socket. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CrossSiteDefenceTest {
    private static final String RUN_BODY = "{\"params\": {\"readUntilClosed\": false}}";
    private static SocketLabServer server;
    private static SocketLabServer corsServer;

    @BeforeAll
    static void start() throws IOException {
        ServerConfig config = ServerConfig.defaults().withPort(0);
        server = SocketLabServer.start(config.withBrowser(BrowserPolicy.strict().withAllowedHost("mylaptop.lan")),
                CaseRegistry.ofBuiltIns(), AccessLog.none());
        corsServer = SocketLabServer.start(config.withBrowser(BrowserPolicy.strict()
                .withCorsOrigin("http://localhost:5173")), CaseRegistry.ofBuiltIns(), AccessLog.none());
    }

    @AfterAll
    static void stop() {
        server.close();
        corsServer.close();
    }

    private static RawClient.Response exchange(SocketLabServer to, String request) throws IOException {
        try (RawClient client = new RawClient(to.address())) {
            return client.send(request).read();
        }
    }

    private static RawClient.Response get(String path, String... extraHeaders) throws IOException {
        return exchange(server, "GET " + path + " HTTP/1.1\r\n" + String.join("", extraHeaders) + "Connection: close\r\n\r\n");
    }

    private static RawClient.Response post(SocketLabServer to, String path, String headers, String body)
            throws IOException {
        return exchange(to, "POST " + path + " HTTP/1.1\r\n" + headers + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
    }

    private static String host() {
        return "Host: 127.0.0.1:" + server.port() + "\r\n";
    }

    private static void assertJsonError(RawClient.Response response, int status, String fragment) {
        assertEquals(status, response.status(), response.text());
        assertTrue(response.header("Content-Type").startsWith("application/json"), response.header("Content-Type"));
        assertTrue(response.text().contains("\"error\"") && response.text().contains(fragment), response.text());
    }

    @Test
    void a_script_naming_the_server_needs_nothing_more() throws IOException {
        assertEquals(200, get("/api/cases", host()).status());
        assertEquals(200, get("/api/cases", "Host: localhost:" + server.port() + "\r\n").status());
        assertEquals(200, get("/api/cases", "Host: LOCALHOST.:" + server.port() + "\r\n").status());
        assertEquals(200, get("/", host()).status());
        RawClient.Response run = post(server, "/api/cases/missing-message/runs",
                host() + "Content-Type: application/json\r\n", RUN_BODY);
        assertEquals(200, run.status(), run.text());
        assertTrue(run.text().contains("\"outcome\": \"failed\"") || run.text().contains("\"outcome\":\"failed\""),
                run.text());
        assertNull(run.header("Access-Control-Allow-Origin"), "no CORS headers unless the operator opts in");
    }

    @Test
    void a_foreign_host_is_misdirected_for_the_api_and_the_page() throws IOException {
        // DNS rebinding: the attacker's name now points at 127.0.0.1, and the browser sends that name.
        assertJsonError(get("/api/cases", "Host: evil.example:" + server.port() + "\r\n"), 421, "--allowed-host");
        assertJsonError(get("/api/runs/1", "Host: evil.example\r\n"), 421, "evil.example");
        RawClient.Response page = get("/", "Host: rebind.evil.example:" + server.port() + "\r\n");
        assertEquals(421, page.status());
        assertTrue(!page.text().contains("<html"), page.text());
        // An absolute-form target's authority replaces Host (RFC 9112 §3.2.2).
        assertEquals(421, get("http://evil.example:" + server.port() + "/api/cases", host()).status());
        assertEquals(200, get("http://127.0.0.1:" + server.port() + "/api/cases", "Host: evil.example\r\n").status());
    }

    @Test
    void only_the_bound_address_and_names_the_operator_allowed_pass() throws IOException {
        assertEquals(421, get("/api/cases", "Host: [::1]:" + server.port() + "\r\n").status(), "bound to 127.0.0.1");
        assertEquals(421, get("/api/cases", "Host: 127.0.0.2:" + server.port() + "\r\n").status());
        assertEquals(421, get("/api/cases", "Host: 2130706433:" + server.port() + "\r\n").status());
        assertEquals(200, get("/api/cases", "Host: mylaptop.lan:" + server.port() + "\r\n").status());
        assertEquals(200, get("/api/cases", "Host: MyLaptop.LAN\r\n").status());
        assertEquals(421, get("/api/cases", "Host: other.lan\r\n").status());
    }

    @Test
    void the_host_rule_follows_the_bound_address() throws Exception {
        Handler ok = request -> HttpResponse.text(Status.OK, "ok");
        CrossSiteGuard wildcard = new CrossSiteGuard(ok, BrowserPolicy.strict(), InetAddress.getByName("0.0.0.0"));
        CrossSiteGuard v6 = new CrossSiteGuard(ok, BrowserPolicy.strict(), InetAddress.getByName("::1"));
        // Bound to every address, any IP literal names us: a rebinding page never has one as its host.
        assertEquals(200, wildcard.handle(request("GET", "192.0.2.7:8080", null, null)).status().code());
        assertEquals(200, wildcard.handle(request("GET", "[::1]:8080", null, null)).status().code());
        assertEquals(421, assertThrows(HttpException.class,
                () -> wildcard.handle(request("GET", "evil.example:8080", null, null))).status().code());
        assertEquals(200, v6.handle(request("GET", "[::1]:8080", null, null)).status().code());
        assertEquals(200, v6.handle(request("GET", "[0:0:0:0:0:0:0:1]", null, null)).status().code());
        assertEquals(421, assertThrows(HttpException.class,
                () -> v6.handle(request("GET", "127.0.0.1:8080", null, null))).status().code());
    }

    private static HttpRequest request(String method, String host, String origin, String contentType) {
        Headers headers = Headers.of("Host", host);
        headers = origin == null ? headers : headers.with("Origin", origin);
        headers = contentType == null ? headers : headers.with("Content-Type", contentType);
        return new HttpRequest(method, "/api/cases", "/api/cases", null, "HTTP/1.1", headers, null, null, null);
    }

    @Test
    void a_request_from_another_origin_is_forbidden_whatever_its_method() throws IOException {
        String json = "Content-Type: application/json\r\n";
        assertJsonError(post(server, "/api/cases/missing-message/runs", host() + json
                + "Origin: http://evil.example\r\n", RUN_BODY), 403, "other web sites");
        assertJsonError(get("/api/cases", host(), "Origin: http://evil.example\r\n"), 403, "Origin");
        assertEquals(403, post(server, "/api/cases/missing-message/runs", host() + json + "Origin: null\r\n",
                RUN_BODY).status(), "a sandboxed frame or a file sends Origin: null");
        assertEquals(403, post(server, "/api/cases/missing-message/runs", host() + json
                + "Origin: http://127.0.0.1:" + (server.port() == 1 ? 2 : server.port() - 1) + "\r\n", RUN_BODY).status(),
                "another port is another origin");
        assertEquals(403, post(server, "/api/cases/missing-message/runs", host() + json
                + "Origin: https://127.0.0.1:" + server.port() + "\r\n", RUN_BODY).status(), "another scheme too");
        // Fetch Metadata marks a cross-site request even when no Origin is sent.
        assertEquals(403, post(server, "/api/cases/missing-message/runs", host() + json
                + "Sec-Fetch-Site: cross-site\r\n", RUN_BODY).status());
    }

    @Test
    void the_pages_own_origin_passes() throws IOException {
        String json = "Content-Type: application/json\r\n";
        assertEquals(200, post(server, "/api/cases/missing-message/runs", host() + json
                + "Origin: http://127.0.0.1:" + server.port() + "\r\nSec-Fetch-Site: same-origin\r\n", RUN_BODY).status());
        assertEquals(200, post(server, "/api/cases/missing-message/runs", "Host: localhost:" + server.port() + "\r\n"
                + json + "Origin: http://localhost:" + server.port() + "\r\n", RUN_BODY).status());
    }

    @Test
    void a_state_changing_request_needs_a_json_content_type() throws IOException {
        String path = "/api/cases/missing-message/runs";
        assertJsonError(post(server, path, host() + "Content-Type: text/plain\r\n", RUN_BODY), 415, "application/json");
        assertEquals(415, post(server, path, host() + "Content-Type: application/x-www-form-urlencoded\r\n",
                "params=1").status());
        assertEquals(415, post(server, path, host() + "Content-Type: multipart/form-data; boundary=x\r\n",
                "--x--").status());
        assertEquals(415, post(server, path, host(), "").status(), "no type at all, not even with no body");
        assertEquals(200, post(server, path, host() + "Content-Type: Application/JSON; charset=utf-8\r\n",
                RUN_BODY).status());
    }

    @Test
    void a_refused_request_is_not_invited_to_send_its_body() throws IOException {
        try (RawClient client = new RawClient(server.address())) {
            client.send("POST /api/cases/missing-message/runs HTTP/1.1\r\n" + host()
                    + "Origin: http://evil.example\r\nContent-Type: application/json\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            assertEquals(403, client.read().status(), "answered at once, with no 100 Continue first");
        }
    }

    @Test
    void cors_headers_go_only_to_the_origins_the_operator_named() throws IOException {
        String corsHost = "Host: 127.0.0.1:" + corsServer.port() + "\r\n";
        RawClient.Response allowed = post(corsServer, "/api/cases/missing-message/runs", corsHost
                + "Content-Type: application/json\r\nOrigin: http://localhost:5173\r\n", RUN_BODY);
        assertEquals(200, allowed.status());
        assertEquals("http://localhost:5173", allowed.header("Access-Control-Allow-Origin"));
        RawClient.Response preflight = exchange(corsServer, "OPTIONS /api/cases/missing-message/runs HTTP/1.1\r\n"
                + corsHost + "Origin: http://localhost:5173\r\nAccess-Control-Request-Method: POST\r\n"
                + "Access-Control-Request-Headers: content-type\r\nConnection: close\r\n\r\n");
        assertEquals(204, preflight.status());
        assertEquals("http://localhost:5173", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Content-Type"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Prefer"), "for async runs");
        assertTrue(allowed.header("Access-Control-Expose-Headers").contains("Location"), "where an async run is");
        RawClient.Response missing = exchange(corsServer, "GET /api/cases/nope HTTP/1.1\r\n" + corsHost
                + "Origin: http://localhost:5173\r\nConnection: close\r\n\r\n");
        assertEquals(404, missing.status());
        assertEquals("http://localhost:5173", missing.header("Access-Control-Allow-Origin"), "errors are readable");
        assertEquals(403, post(corsServer, "/api/cases/missing-message/runs", corsHost
                + "Content-Type: application/json\r\nOrigin: http://localhost:5174\r\n", RUN_BODY).status());
        assertEquals(415, post(corsServer, "/api/cases/missing-message/runs", corsHost
                + "Content-Type: text/plain\r\nOrigin: http://localhost:5173\r\n", RUN_BODY).status());
    }

    /** Issue 12's attack, replayed: a cross-site page makes tcp-uppercase send commands to a local service. */
    @Test
    void a_cross_site_page_cannot_make_a_case_talk_to_a_local_service() throws Exception {
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            service.setSoTimeout(20_000);
            String attack = "{\"params\": {\"target\": \"127.0.0.1:" + service.getLocalPort()
                    + "\", \"message\": \"FLUSHALL\\r\\nCONFIG SET dir /tmp\"}}";
            String path = "/api/cases/tcp-uppercase/runs";
            String rebound = "Host: evil.example:" + server.port() + "\r\n";
            assertEquals(403, post(server, path, host() + "Content-Type: text/plain\r\nOrigin: http://evil.example\r\n",
                    attack).status());
            assertEquals(415, post(server, path, host() + "Content-Type: text/plain\r\n", attack).status());
            assertEquals(403, post(server, path, host() + "Content-Type: application/json\r\nOrigin: http://evil.example\r\n",
                    attack).status());
            assertEquals(421, post(server, path, rebound + "Content-Type: application/json\r\n"
                    + "Origin: http://evil.example:" + server.port() + "\r\n", attack).status());
            // A legitimate run to the same service is the first connection it sees: none of the attacks got through.
            String legit = "{\"params\": {\"target\": \"127.0.0.1:" + service.getLocalPort() + "\", \"message\": \"legit\"}}";
            Thread run = new Thread(() -> {
                try {
                    post(server, path, host() + "Content-Type: application/json\r\n", legit);
                } catch (IOException e) {
                    // The assertion below tells.
                }
            });
            run.start();
            try (Socket first = service.accept()) {
                first.setSoTimeout(20_000);
                InputStream in = first.getInputStream();
                assertEquals("legit", new String(in.readNBytes(5), StandardCharsets.UTF_8));
            }
            run.join(30_000);
        }
    }

    @Test
    void the_operator_options_are_parsed_for_serve_only() throws Exception {
        Command.Serve serve = (Command.Serve) CommandLineParser.parse("serve", "--allowed-host", "mylaptop.lan",
                "--allowed-host=lab.example", "--cors-origin", "http://localhost:5173");
        assertEquals(java.util.List.of("mylaptop.lan", "lab.example"), serve.config().browser().allowedHosts());
        assertEquals(java.util.List.of("http://localhost:5173"), serve.config().browser().corsOrigins());
        assertThrows(UsageException.class, () -> CommandLineParser.parse("run", "missing-message", "--allowed-host", "x"));
        assertThrows(IllegalArgumentException.class, () -> CommandLineParser.parse("--allowed-host", "host:80"));
        assertThrows(IllegalArgumentException.class, () -> CommandLineParser.parse("--cors-origin", "http://x/path"));
        assertThrows(IllegalArgumentException.class, () -> CommandLineParser.parse("--cors-origin", "null"));
    }


    @Test
    void bound_to_ipv6_loopback_the_bracketed_literal_and_localhost_pass() throws Exception {
        SocketLabServer v6;
        try {
            v6 = SocketLabServer.start(ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getByName("::1")),
                    CaseRegistry.ofBuiltIns(), AccessLog.none());
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
            return;
        }
        try {
            String port = ":" + v6.port();
            assertEquals(200, exchange(v6, "GET /api/cases HTTP/1.1\r\nHost: [::1]" + port + "\r\nConnection: close\r\n\r\n")
                    .status());
            assertEquals(200, exchange(v6, "GET /api/cases HTTP/1.1\r\nHost: localhost" + port + "\r\nConnection: close\r\n\r\n")
                    .status());
            assertEquals(421, exchange(v6, "GET /api/cases HTTP/1.1\r\nHost: 127.0.0.1" + port + "\r\nConnection: close\r\n\r\n")
                    .status());
            assertEquals(200, exchange(v6, "POST /api/cases/missing-message/runs HTTP/1.1\r\nHost: [::1]" + port
                    + "\r\nOrigin: http://[::1]" + port + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}").status(), "the page's own origin, in brackets");
        } finally {
            v6.close();
        }
    }
}
