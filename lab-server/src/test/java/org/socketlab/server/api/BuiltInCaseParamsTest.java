package org.socketlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.plugins.CaseRegistry;

/**
 * Every built-in case refuses a bad composite value (a {@code host:port}, a port, a port list, a path list)
 * through the API before its run starts: 400 with {@code {"error", "parameter"}} naming the parameter.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BuiltInCaseParamsTest {
    /** The cases whose lab's client can test the student's own server at {@code target}. */
    private static final List<String> TARGET_CASES = List.of("curl-detective", "http-visitor-server",
            "request-info-server", "server-push", "simple-server", "tcp-counter", "tcp-uppercase",
            "threaded-web-server", "udp-counter", "udp-uppercase", "web-server");
    private static final String BAD_HOST_PORT = "must be host:port with a port from 1 to 65535";
    private static final String BAD_LISTEN_PORT = "must be a port from 1 to 65535, or 0 for any free port";
    private static final String BAD_PATH = "must start with '/' and contain no spaces or control characters";
    private static final String BAD_HOST = "must be a host name or IP address, without spaces, '/' or '@'";

    private static SocketLabServer server;
    private static ApiClient client;

    @BeforeAll
    static void startServer() throws IOException {
        server = SocketLabServer.start(ServerConfig.defaults().withPort(0), CaseRegistry.ofBuiltIns(),
                AccessLog.none());
        client = new ApiClient(server.port());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static Stream<Arguments> badValues() {
        Stream<Arguments> targets = TARGET_CASES.stream().map(id -> Arguments.of(id, "target", "nohost:99999",
                BAD_HOST_PORT));
        Stream<Arguments> listenPorts = Stream.concat(TARGET_CASES.stream(), Stream.of("missing-message"))
                .map(id -> Arguments.of(id, "listenPort", "70000", BAD_LISTEN_PORT));
        Stream<Arguments> others = Stream.of(
                Arguments.of("tcp-uppercase", "target", "localhost", "must be host:port, e.g. 127.0.0.1:8080"),
                Arguments.of("udp-counter", "target", "::1:9000", "put an IPv6 address in brackets, e.g. [::1]:8080"),
                Arguments.of("web-server", "target", "127.0.0.1:http", "the port must be a number from 1 to 65535"),
                Arguments.of("tcp-counter", "listenPort", "twelve", BAD_LISTEN_PORT),
                Arguments.of("port-scanner", "ports", "5-1", "range '5-1' runs backwards: write 1-5"),
                Arguments.of("port-scanner", "ports", "22,,80", "has an empty item: write ports like 22,80,8000-8010"),
                Arguments.of("port-scanner", "ports", "0", "port 0 is outside 1..65535"),
                Arguments.of("port-scanner", "ports", "1-2000", "lists more than 1024 ports: scan fewer at a time, "
                        + "or set parallel above 1 for a fast scan"),
                Arguments.of("request-info-server", "paths", "/a b", "each path must start with / and hold only "
                        + "visible ASCII without spaces or #"),
                Arguments.of("request-info-server", "paths", " , ", "needs 1 to 20 paths, e.g. /,/hello"),
                Arguments.of("simple-get", "host", "http://example.com", BAD_HOST),
                Arguments.of("simple-get", "path", "index.html", BAD_PATH),
                Arguments.of("large-file-get", "path", "/a b", BAD_PATH),
                Arguments.of("http-client-cli", "host", "user@host", BAD_HOST),
                Arguments.of("web-server", "missingPath", "NotHere.html", BAD_PATH),
                Arguments.of("tcp-uppercase", "message", "", "must not be empty"),
                Arguments.of("udp-uppercase", "message", "", "must not be empty"),
                Arguments.of("mismatched-ports", "message", "", "must not be empty"),
                Arguments.of("tcp-client-first", "message", "", "must not be empty"),
                Arguments.of("udp-client-first", "message", "", "must not be empty"));
        return Stream.of(targets, listenPorts, others).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}: {1}=''{2}''")
    @MethodSource("badValues")
    void a_bad_value_is_400_naming_the_parameter(String caseId, String parameter, String value, String problem)
            throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty(parameter, value);

        HttpResponse<String> response = run(caseId, params);

        assertRefused(response, parameter, problem);
    }

    @Test
    void target_and_listen_port_together_are_refused_naming_listen_port() throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("target", "127.0.0.1:9");
        params.addProperty("listenPort", "0");

        HttpResponse<String> response = run("tcp-counter", params);

        assertRefused(response, "listenPort", "set target (your server) or listenPort (your client), not both");
    }

    @Test
    void a_refused_value_leaves_no_run_behind() throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("ports", "90-80");
        assertEquals(400, run("port-scanner", params).statusCode());

        JsonObject runs = JsonParser.parseString(client.get("/api/runs").body()).getAsJsonObject();

        assertEquals(0, runs.getAsJsonArray("runs").size());
    }

    private static HttpResponse<String> run(String caseId, JsonObject params) throws Exception {
        JsonObject body = new JsonObject();
        body.add("params", params);
        return client.post("/api/cases/" + caseId + "/runs", body.toString());
    }

    private static void assertRefused(HttpResponse<String> response, String parameter, String problem) {
        assertEquals(400, response.statusCode(), response.body());
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals(parameter, json.get("parameter").getAsString());
        assertEquals("parameter '" + parameter + "': " + problem, json.get("error").getAsString());
    }
}
