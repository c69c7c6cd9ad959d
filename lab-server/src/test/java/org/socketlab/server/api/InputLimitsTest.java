package org.socketlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.plugins.CaseRegistry;

/** Input that cost CPU or crashed a request (issue 12 item 6), and the small fixes of item 7, over real sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InputLimitsTest {
    private static SocketLabServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        server = SocketLabServer.start(ServerConfig.defaults().withPort(0), CaseRegistry.ofBuiltIns(), AccessLog.none());
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> run(String caseId, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/cases/"
                        + caseId + "/runs")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject().get("error").getAsString();
    }

    @Test
    void a_million_digit_int_is_refused_before_it_is_converted() throws Exception {
        String digits = "9".repeat(1_000_000);
        HttpResponse<String> asNumber = run("missing-message", "{\"params\": {\"bufferSize\": " + digits + "}}");
        assertEquals(400, asNumber.statusCode(), asNumber.body());
        assertTrue(error(asNumber).contains("bufferSize"), asNumber.body());
        HttpResponse<String> asString = run("missing-message", "{\"params\": {\"bufferSize\": \"" + digits + "\"}}");
        assertEquals(400, asString.statusCode());
        assertTrue(error(asString).contains("at most 4096 characters"), asString.body());
    }

    @Test
    void a_number_of_huge_scale_is_a_400_not_a_500() throws Exception {
        HttpResponse<String> response = run("missing-message", "{\"params\": {\"bufferSize\": 1e100000}}");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(error(response).contains("must be an integer from 1 to"), response.body());
        assertEquals(400, run("missing-message", "{\"params\": {\"bufferSize\": 1e-100000}}").statusCode());
    }

    @Test
    void deep_nesting_is_refused_before_parsing_and_a_shallow_array_is_named_not_printed() throws Exception {
        String deep = "{\"params\": {\"bufferSize\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        HttpResponse<String> response = run("missing-message", deep);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(error(response).contains("nested more than 16 levels"), response.body());

        HttpResponse<String> array = run("tcp-uppercase", "{\"params\": {\"message\": [[[1, 2]]]}}");
        assertEquals(400, array.statusCode());
        assertTrue(error(array).contains("must be a string, got an array"), array.body());
    }

    @Test
    void a_case_aimed_at_socket_labs_own_port_is_refused() throws Exception {
        HttpResponse<String> response = run("tcp-uppercase",
                "{\"params\": {\"target\": \"127.0.0.1:" + server.port() + "\"}}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject transcript = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals("error", transcript.get("outcome").getAsString());
        assertTrue(transcript.get("error").getAsString().contains("Socket Lab's own"), response.body());
    }

    @Test
    void expect_continue_to_an_unknown_case_gets_its_404_without_an_invitation() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/cases/no-such-case/runs HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            assertEquals("HTTP/1.1 404", status);
        }
    }
}
