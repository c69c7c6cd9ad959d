package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long TIMEOUT_SECONDS = TIMEOUT.toSeconds();
    private static final HttpServerConfig SMALL_LIMITS = HttpServerConfig.defaults()
            .withMaxRequestLineBytes(256)
            .withMaxHeaderBytes(512)
            .withMaxBodyBytes(64);
    private static final String SECRET = "secret-detail-4711";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final BlockingQueue<AccessLogEntry> accessLog = new LinkedBlockingQueue<>();
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private final CountDownLatch secondChunkMayGo = new CountDownLatch(1);
    private HttpServer server;

    private final Router routes = new Router()
            .get("/hello", request -> HttpResponse.text(Status.OK, "hello"))
            .get("/remote-port", request -> HttpResponse.text(Status.OK, String.valueOf(request.remote().getPort())))
            .post("/echo", request -> HttpResponse.of(Status.OK, "application/octet-stream", request.body()))
            .get("/boom", request -> {
                throw new IllegalStateException(SECRET);
            })
            .get("/closing", request -> HttpResponse.text(Status.OK, "bye").withHeader("Connection", "close"))
            .get("/slow", request -> {
                slowEntered.countDown();
                assertTrue(slowRelease.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                return HttpResponse.text(Status.OK, "slow done");
            })
            .get("/stream", request -> HttpResponse.streaming(Status.OK, "text/plain", out -> {
                out.write("first".getBytes(StandardCharsets.UTF_8));
                out.flush();
                await(secondChunkMayGo);
                out.write("second".getBytes(StandardCharsets.UTF_8));
            }))
            .get("/broken-stream", request -> HttpResponse.streaming(Status.OK, "text/plain", out -> {
                out.write("partial".getBytes(StandardCharsets.UTF_8));
                out.flush();
                throw new IllegalStateException(SECRET);
            }));

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
    }

    private HttpServer start(HttpServerConfig config) throws IOException {
        server = HttpServer.start(config, routes, ErrorRenderer.plainText(), accessLog::add);
        return server;
    }

    private HttpServer start() throws IOException {
        return start(SMALL_LIMITS);
    }

    private RawClient raw() throws IOException {
        return new RawClient(server.address());
    }

    private java.net.http.HttpResponse<String> get(String path) throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).build(),
                BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the test never released the latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void answers_a_get_from_the_jdk_client() throws Exception {
        start();

        java.net.http.HttpResponse<String> response = get("/hello");

        assertEquals(200, response.statusCode());
        assertEquals("hello", response.body());
        assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("5", response.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("socketlab", response.headers().firstValue("Server").orElseThrow());
    }

    @Test
    void sends_a_date_header_in_imf_fixdate_format() throws Exception {
        start();

        String date = get("/hello").headers().firstValue("Date").orElseThrow();

        assertTrue(date.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), date);
        ZonedDateTime parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(Duration.between(parsed, ZonedDateTime.now()).abs().toSeconds() < 60);
    }

    @Test
    void keeps_the_connection_alive_between_requests() throws Exception {
        start();

        String firstPort = get("/remote-port").body();
        String secondPort = get("/remote-port").body();

        assertEquals(firstPort, secondPort, "the client port is the same only if the connection was reused");
    }

    @Test
    void answers_pipelined_requests_in_order_on_one_connection() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nfirst"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nsecond\r\n0\r\n\r\n"
                    + "GET /remote-port HTTP/1.1\r\nHost: x\r\n\r\n");

            assertEquals("hello", raw.read().text());
            assertEquals("first", raw.read().text());
            assertEquals("second", raw.read().text());
            assertEquals(String.valueOf(raw.localPort()), raw.read().text());
        }
    }

    @Test
    void reads_a_chunked_request_body_from_the_jdk_client() throws Exception {
        start();
        byte[] body = "a body of unknown length".getBytes(StandardCharsets.UTF_8);

        java.net.http.HttpResponse<byte[]> response = client.send(java.net.http.HttpRequest.newBuilder(uri("/echo"))
                .timeout(TIMEOUT)
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertArrayEquals(body, response.body());
    }

    @Test
    void accepts_a_body_of_exactly_the_limit() throws Exception {
        start();
        String body = "b".repeat((int) SMALL_LIMITS.maxBodyBytes());

        java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(uri("/echo"))
                .timeout(TIMEOUT).POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());

        assertEquals(body, response.body());
    }

    @Test
    void sends_100_continue_and_then_the_final_response() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");

            RawClient.Response interim = raw.read();
            assertEquals(100, interim.status());
            raw.send("ping");
            RawClient.Response last = raw.read();
            assertEquals(200, last.status());
            assertEquals("ping", last.text());
        }
    }

    @Test
    void answers_413_at_once_without_100_continue_for_a_too_large_body() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 65\r\nExpect: 100-continue\r\n\r\n");

            RawClient.Response response = raw.read();
            assertEquals(413, response.status());
            assertEquals("close", response.header("Connection"));
            raw.assertClosedByServer();
        }
    }

    @Test
    void answers_without_100_continue_where_no_route_would_read_the_body() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");

            RawClient.Response response = raw.read();
            assertEquals(405, response.status());
            assertEquals("close", response.header("Connection"));
        }
    }

    @Test
    void answers_417_to_an_unknown_expectation() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: teapot\r\n\r\nping");

            assertEquals(417, raw.read().status());
            raw.assertClosedByServer();
        }
    }

    static Stream<Arguments> badRequests() {
        String host = "Host: x\r\n";
        return Stream.of(
                arguments("GET /" + "a".repeat(300) + " HTTP/1.1\r\n" + host + "\r\n", 414),
                arguments("GET / HTTP/1.1\r\n" + host + "X-Big: " + "v".repeat(600) + "\r\n\r\n", 431),
                arguments("GET / HTTP/1.1\r\n" + host + "X-A: 1234567890\r\n".repeat(40) + "\r\n", 431),
                arguments("POST /echo HTTP/1.1\r\n" + host + "Content-Length: 65\r\n\r\n" + "x".repeat(65), 413),
                arguments("POST /echo HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n41\r\n"
                        + "x".repeat(65) + "\r\n0\r\n\r\n", 413),
                arguments("GET /hello HTTP/1.1\r\n\r\n", 400),
                arguments("GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                arguments("GET /hello HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
                arguments("GET /hello  HTTP/1.1\r\n" + host + "\r\n", 400),
                arguments("GET /hello HTTP/1.1\r\n" + host + "X-Folded: a\r\n b\r\n\r\n", 400),
                arguments("GET /hello HTTP/1.1\r\n" + host + "X-Space : a\r\n\r\n", 400),
                arguments("POST /echo HTTP/1.1\r\n" + host + "Content-Length: 4\r\nContent-Length: 5\r\n\r\nping", 400),
                arguments("POST /echo HTTP/1.1\r\n" + host + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "4\r\nping\r\n0\r\n\r\n", 400),
                arguments("POST /echo HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
                arguments("GET /%zz HTTP/1.1\r\n" + host + "\r\n", 400),
                arguments("\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n", 400),
                arguments("BREW /pot HTTP/1.1\r\n" + host + "\r\n", 501),
                arguments("POST /echo HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked\r\n\r\n", 501),
                arguments("GET /hello HTTP/2.0\r\n" + host + "\r\n", 505),
                arguments("GET /hello HTTP/3\r\n" + host + "\r\n", 505));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("badRequests")
    void answers_a_bad_request_with_its_status_and_closes(String request, int expected) throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send(request);

            RawClient.Response response = raw.read();
            assertEquals(expected, response.status());
            assertEquals("close", response.header("Connection"));
            raw.assertClosedByServer();
        }
    }

    @Test
    void answers_405_with_allow_and_404_through_the_router() throws Exception {
        start();
        java.net.http.HttpResponse<String> notAllowed = client.send(java.net.http.HttpRequest.newBuilder(uri("/hello"))
                .timeout(TIMEOUT).DELETE().build(), BodyHandlers.ofString());

        assertEquals(405, notAllowed.statusCode());
        assertEquals("GET, HEAD, OPTIONS", notAllowed.headers().firstValue("Allow").orElseThrow());
        assertEquals(404, get("/nowhere").statusCode());
    }

    @Test
    void answers_head_with_the_headers_of_get_and_no_body() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");

            RawClient.Response head = raw.read(true);
            assertEquals(200, head.status());
            assertEquals("5", head.header("Content-Length"));
            // Had a body followed the HEAD response, this would read it instead of a status line.
            assertEquals("hello", raw.read().text());
        }
    }

    @Test
    void closes_after_an_http_1_0_request() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET /hello HTTP/1.0\r\n\r\n");

            RawClient.Response response = raw.read();
            assertEquals("hello", response.text());
            assertEquals("close", response.header("Connection"));
            raw.assertClosedByServer();
        }
    }

    @Test
    void keeps_an_http_1_0_connection_that_asks_for_keep_alive() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            RawClient.Response first = raw.read();
            raw.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");

            assertEquals("keep-alive", first.header("Connection"));
            assertEquals("hello", raw.read().text());
        }
    }

    @Test
    void closes_when_the_client_sends_connection_close() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertEquals("close", raw.read().header("Connection"));
            raw.assertClosedByServer();
        }
    }

    @Test
    void closes_when_the_handler_sends_connection_close() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET /closing HTTP/1.1\r\nHost: x\r\n\r\n");

            RawClient.Response response = raw.read();
            assertEquals("bye", response.text());
            assertEquals(List.of("close"), response.headers().all("Connection"));
            raw.assertClosedByServer();
        }
    }

    @Test
    void accepts_bare_lf_line_endings_in_the_head() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET /hello HTTP/1.1\nHost: x\n\n");

            assertEquals("hello", raw.read().text());
        }
    }

    @Test
    void answers_a_request_in_absolute_form() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET http://example.com/hello HTTP/1.1\r\nHost: example.com\r\n\r\n");

            assertEquals("hello", raw.read().text());
        }
    }

    @Test
    void closes_a_connection_that_sends_nothing_within_the_idle_timeout() throws Exception {
        start(SMALL_LIMITS.withIdleTimeoutMillis(200));
        try (RawClient raw = raw()) {
            raw.assertClosedByServer();
        }
    }

    @Test
    void closes_a_kept_alive_connection_after_the_idle_timeout() throws Exception {
        start(SMALL_LIMITS.withIdleTimeoutMillis(200));
        try (RawClient raw = raw()) {
            raw.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, raw.read().status());

            raw.assertClosedByServer();
        }
    }

    @Test
    void answers_408_to_a_request_that_stalls_halfway() throws Exception {
        start(SMALL_LIMITS.withReadTimeoutMillis(200));
        try (RawClient raw = raw()) {
            raw.send("GET /hello HTTP/1.1\r\nHost: x\r\n");

            RawClient.Response response = raw.read();
            assertEquals(408, response.status());
            assertEquals("close", response.header("Connection"));
            raw.assertClosedByServer();
        }
    }

    @Test
    void answers_408_to_a_body_that_stalls() throws Exception {
        start(SMALL_LIMITS.withReadTimeoutMillis(200));
        try (RawClient raw = raw()) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf");

            assertEquals(408, raw.read().status());
        }
    }

    @Test
    void limits_a_head_sent_one_byte_at_a_time_by_a_total_deadline() throws Exception {
        int readTimeoutMillis = 300;
        start(SMALL_LIMITS.withReadTimeoutMillis(readTimeoutMillis).withMaxHeaderBytes(16 * 1024));
        try (RawClient raw = raw()) {
            raw.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            // A byte every 50 ms never lets a single read time out; only a total deadline ends it.
            ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();
            dripper.scheduleAtFixedRate(() -> {
                try {
                    raw.send("a");
                } catch (IOException closedByServer) {
                    throw new UncheckedIOException(closedByServer);
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            // The 408 while the bytes keep coming is the deadline's doing: without one the read below would
            // wait until the RawClient's own read time-out fails the test.
            try {
                assertEquals(408, raw.read().status());
            } finally {
                dripper.shutdownNow();
            }
        }
    }

    @Test
    void answers_500_without_revealing_the_failure_when_a_handler_throws() throws Exception {
        start();

        java.net.http.HttpResponse<String> response = get("/boom");

        assertEquals(500, response.statusCode());
        assertFalse(response.body().contains(SECRET), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertEquals(200, get("/hello").statusCode(), "the server goes on serving");
    }

    @Test
    void renders_errors_with_the_given_renderer() throws Exception {
        ErrorRenderer json = (status, message, path) -> path != null && path.startsWith("/api/")
                ? HttpResponse.json(status, "{\"error\": \"" + status.reason() + "\"}")
                : HttpResponse.text(status, "plain");
        server = HttpServer.start(SMALL_LIMITS, routes, json, AccessLog.none());

        java.net.http.HttpResponse<String> api = get("/api/nothing");
        java.net.http.HttpResponse<String> page = get("/nothing");

        assertEquals("{\"error\": \"Not Found\"}", api.body());
        assertEquals("application/json", api.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("plain", page.body());
    }

    @Test
    void serves_200_clients_at_once() throws Exception {
        int clients = 200;
        CountDownLatch allArrived = new CountDownLatch(clients);
        Handler together = request -> {
            allArrived.countDown();
            // Only if all requests are in progress at the same time does the latch open.
            boolean concurrent = allArrived.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return HttpResponse.text(Status.OK, concurrent ? "together" : "alone");
        };
        server = HttpServer.start(SMALL_LIMITS, together);
        List<RawClient> raws = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                raws.add(raw().send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
            }
            for (RawClient raw : raws) {
                assertEquals("together", raw.read().text());
            }
        } finally {
            for (RawClient raw : raws) {
                raw.close();
            }
        }
    }

    @Test
    void answers_503_beyond_max_connections_when_none_is_idle() throws Exception {
        start(SMALL_LIMITS.withMaxConnections(1));
        try (RawClient first = raw()) {
            // Busy in its handler, so it cannot give way to the next connection.
            first.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(slowEntered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

            try (RawClient second = raw()) {
                RawClient.Response response = second.read();
                assertEquals(503, response.status());
                assertEquals("close", response.header("Connection"));
                second.assertClosedByServer();
            }
            slowRelease.countDown();
            assertEquals(200, first.read().status());
        }
    }

    @Test
    void stops_gracefully_letting_a_request_in_progress_finish() throws Exception {
        start();
        CompletableFuture<java.net.http.HttpResponse<String>> slow = client.sendAsync(
                java.net.http.HttpRequest.newBuilder(uri("/slow")).timeout(TIMEOUT).build(), BodyHandlers.ofString());
        assertTrue(slowEntered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> server.stop(TIMEOUT));
        assertTimeoutPreemptively(TIMEOUT, () -> {
            // stop() closes the listening socket first; wait until connecting is refused.
            while (true) {
                try (RawClient ignored = raw()) {
                    Thread.onSpinWait();
                } catch (ConnectException refused) {
                    return;
                } catch (SocketException reset) {
                    // The listening socket closed while this connect sat in its backlog: the kernel
                    // resets it, which also means stop() has stopped accepting.
                    return;
                }
            }
        });
        assertFalse(stopped.isDone(), "stop waits for the request in progress");
        slowRelease.countDown();

        java.net.http.HttpResponse<String> response = slow.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals("slow done", response.body());
        assertEquals("close", response.headers().firstValue("Connection").orElseThrow());
        stopped.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void closes_idle_keep_alive_connections_on_stop_without_waiting() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, raw.read().status());

            assertTimeoutPreemptively(Duration.ofSeconds(1), () -> server.stop(TIMEOUT));
            raw.assertClosedByServer();
        }
    }

    @Test
    void streams_a_chunked_response_piece_by_piece() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");

            RawClient.Response head = raw.readHead();
            assertEquals("chunked", head.header("Transfer-Encoding"));
            assertNull(head.header("Content-Length"));
            // The handler is still waiting for the latch, so this chunk was sent by its flush.
            assertEquals("first", raw.readChunk());
            secondChunkMayGo.countDown();
            assertEquals("second", raw.readChunk());
            assertEquals("", raw.readChunk());
            raw.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("hello", raw.read().text(), "the connection is reusable after a chunked response");
        }
    }

    @Test
    void streams_to_an_http_1_0_client_until_close() throws Exception {
        start();
        secondChunkMayGo.countDown();
        try (RawClient raw = raw()) {
            raw.send("GET /stream HTTP/1.0\r\n\r\n");

            RawClient.Response response = raw.read();
            assertEquals("firstsecond", response.text());
            assertEquals("close", response.header("Connection"));
            assertNull(response.header("Transfer-Encoding"));
        }
    }

    @Test
    void drops_the_connection_when_a_streaming_body_fails() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET /broken-stream HTTP/1.1\r\nHost: x\r\n\r\n");

            assertEquals(200, raw.readHead().status());
            assertEquals("partial", raw.readChunk());
            raw.assertClosedByServer();
        }
    }

    @Test
    void logs_every_response_to_the_access_log() throws Exception {
        start();
        try (RawClient raw = raw()) {
            raw.send("GET /hello?x=1 HTTP/1.1\r\nHost: x\r\nUser-Agent: test/1\r\n\r\n");
            raw.read();
            raw.send("BREW /pot HTTP/1.1\r\n\r\n");
            raw.read();
        }

        AccessLogEntry ok = accessLog.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        AccessLogEntry refused = accessLog.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(ok);
        assertEquals("GET", ok.method());
        assertEquals("/hello?x=1", ok.target());
        assertEquals(200, ok.status());
        assertEquals(5, ok.bodyBytes(), "the body's bytes, as nginx's $body_bytes_sent");
        assertEquals("test/1", ok.userAgent());
        assertNotNull(refused);
        assertNull(refused.method());
        assertEquals(501, refused.status());
    }

    @Test
    void picks_a_free_port_and_refuses_to_bind_a_taken_one() throws Exception {
        start();

        assertTrue(server.port() > 0);
        IOException e = assertThrows(IOException.class,
                () -> HttpServer.start(SMALL_LIMITS.withPort(server.port()), routes));
        assertTrue(e.getMessage().contains("port"), e.getMessage());
    }
}
