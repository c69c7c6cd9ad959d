package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connection loop: answers of non-blocking routes come from the loop, everything else from workers,
 * and no client, however slow or hostile, holds the loop up for the others.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionLoopTest {
    private static final byte[] BIG = new byte[4 * 1024 * 1024];
    private final Queue<String> threads = new ConcurrentLinkedQueue<>();
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private final Router routes = new Router()
            .getNonBlocking("/hello", request -> {
                threads.add("hello " + Thread.currentThread().getName());
                return HttpResponse.text(Status.OK, "hello");
            })
            .getNonBlocking("/big", request -> HttpResponse.of(Status.OK, "application/octet-stream", BIG))
            .getNonBlocking("/stream", request -> HttpResponse.streaming(Status.OK, "text/plain", out -> {
                threads.add("stream " + Thread.currentThread().getName());
                out.write("streamed".getBytes(StandardCharsets.UTF_8));
            }))
            .post("/echo", request -> {
                threads.add("echo " + Thread.currentThread().getName());
                return HttpResponse.of(Status.OK, "application/octet-stream", request.body());
            })
            .get("/slow", request -> {
                slowEntered.countDown();
                slowRelease.await(30, TimeUnit.SECONDS);
                return HttpResponse.text(Status.OK, "slow done");
            });
    private final List<AutoCloseable> clients = new ArrayList<>();
    private HttpServer server;

    static {
        Arrays.fill(BIG, (byte) 'b');
    }

    @AfterEach
    void stop() throws Exception {
        slowRelease.countDown();
        for (AutoCloseable client : clients) {
            client.close();
        }
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
    }

    /** With one loop: a client that could hold up its loop would hold up every other client here. */
    private HttpServer start(HttpServerConfig config) throws IOException {
        server = HttpServer.start(config, routes, ErrorRenderer.plainText(), AccessLog.none(), 1);
        return server;
    }

    private RawClient client() throws IOException {
        RawClient client = new RawClient(server.address());
        clients.add(client);
        return client;
    }

    private Socket greedyReader() throws IOException {
        Socket greedy = new Socket();
        clients.add(greedy);
        greedy.setReceiveBufferSize(4096);
        greedy.connect(server.address());
        return greedy;
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 30 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void a_half_sent_head_and_a_client_that_never_reads_do_not_hold_up_the_others() throws Exception {
        // One loop serves every connection here; the hostile two stay for the whole test, as the read and
        // write time-outs are the defaults (10 s and 20 s).
        start(HttpServerConfig.defaults());
        RawClient half = client().send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Half: ");
        OutputStream greedy = greedyReader().getOutputStream();
        for (int i = 0; i < 20; i++) {
            greedy.write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        greedy.flush();
        waitUntil(() -> server.stalledWrites() == 1, "the answer to the client that does not read has filled its socket");

        RawClient polite = client();
        for (int i = 0; i < 50; i++) {
            polite.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("hello", polite.read().text(), "request " + i);
        }
        polite.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /big HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals("hello", polite.read().text());
        assertArrayEquals(BIG, polite.read().body());
        assertEquals("hello", polite.read().text());
        assertEquals(1, server.stalledWrites(), "the greedy client's answer is still waiting");
        assertEquals(0, half.available(), "the half head got no answer yet");
    }

    @Test
    void answers_of_non_blocking_routes_come_from_the_loop_and_the_rest_from_workers() throws Exception {
        start(HttpServerConfig.defaults());
        RawClient client = client();
        // Loop, worker (a body), loop again: the connection goes to a worker and comes back, in order.
        client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhowdy"
                + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");

        assertEquals("hello", client.read().text());
        assertEquals("howdy", client.read().text());
        assertEquals("hello", client.read().text());
        assertEquals("streamed", client.read().text());
        assertEquals("hello", client.read().text());
        List<String> seen = new ArrayList<>(threads);
        assertEquals(5, seen.size(), seen.toString());
        assertTrue(seen.get(0).startsWith("hello socketlab-http-loop-"), seen.toString());
        assertFalse(seen.get(1).contains("socketlab-http-loop-"), "a body is read on a worker: " + seen);
        assertTrue(seen.get(2).startsWith("hello socketlab-http-loop-"), seen.toString());
        assertFalse(seen.get(3).contains("socketlab-http-loop-"), "a body writer runs on a worker: " + seen);
        assertTrue(seen.get(4).startsWith("hello socketlab-http-loop-"), seen.toString());
    }

    @Test
    void a_blocking_handler_holds_up_no_other_connection() throws Exception {
        start(HttpServerConfig.defaults());
        RawClient slow = client().send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(slowEntered.await(10, TimeUnit.SECONDS));

        RawClient other = client().send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals("hello", other.read().text(), "answered while /slow is still blocked");
        assertEquals(0, slow.available());
        slowRelease.countDown();
        assertEquals("slow done", slow.read().text());
        slow.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals("hello", slow.read().text(), "the connection is back on the loop");
    }

    @Test
    void answers_head_from_the_loop_with_the_fields_of_get_and_no_body() throws Exception {
        start(HttpServerConfig.defaults());
        RawClient client = client().send("HEAD /big HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");

        RawClient.Response head = client.read(true);
        assertEquals(200, head.status());
        assertEquals(String.valueOf(BIG.length), head.header("Content-Length"));
        assertEquals("hello", client.read().text(), "no body came between the two");
    }

    @Test
    void a_loop_write_that_the_client_never_reads_is_cut_at_the_write_timeout() throws Exception {
        start(HttpServerConfig.defaults().withWriteTimeoutMillis(300));
        OutputStream greedy = greedyReader().getOutputStream();
        greedy.write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        greedy.flush();
        waitUntil(() -> server.connectionCount() == 1, "the connection is served");

        waitUntil(() -> server.connectionCount() == 0, "the stalled connection is closed");
    }

    @Test
    void a_head_that_arrives_a_few_bytes_at_a_time_is_answered_once_whole() throws Exception {
        start(HttpServerConfig.defaults());
        RawClient client = client();
        String request = "GET /hello HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(3000) + "\r\n\r\n";
        for (int i = 0; i < request.length(); i += 7) {
            client.send(request.substring(i, Math.min(request.length(), i + 7)));
        }
        assertEquals("hello", client.read().text());
    }

    @Test
    void connections_are_dealt_to_every_loop() throws Exception {
        server = HttpServer.start(HttpServerConfig.defaults(), routes, ErrorRenderer.plainText(), AccessLog.none(), 3);
        for (int i = 0; i < 6; i++) {
            RawClient client = client().send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("hello", client.read().text());
        }
        java.util.Set<String> loops = new java.util.TreeSet<>();
        for (String seen : threads) {
            loops.add(seen.substring(seen.lastIndexOf('-') + 1));
        }
        assertEquals(java.util.Set.of("0", "1", "2"), loops);
    }

    @Test
    void a_head_larger_than_the_loops_buffer_is_read_whole_and_the_next_request_follows() throws Exception {
        start(HttpServerConfig.defaults());
        RawClient client = client();
        // About 20 KB: more than the loop's 16 KiB read buffer, within the limits (8 KiB line, 16 KiB fields).
        String big = "GET /hello?q=" + "q".repeat(7_000) + " HTTP/1.1\r\nHost: x\r\n"
                + ("X-Field: " + "f".repeat(990) + "\r\n").repeat(13) + "\r\n";
        client.send(big + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");

        assertEquals("hello", client.read().text());
        assertEquals("hello", client.read().text());
    }

    @Test
    void a_head_over_the_limit_is_refused_before_it_ends() throws Exception {
        start(HttpServerConfig.defaults().withMaxHeaderBytes(2048));
        RawClient client = client().send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Long: " + "l".repeat(4096));

        assertEquals(431, client.read().status());
        client.assertClosedByServer();
    }
}
