package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Clients that try to hold the server's slots, as issue 12 item 4 found them, over real sockets. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConnectionDefenceTest {
    private static final byte[] BIG = new byte[4 * 1024 * 1024];
    private final CountDownLatch slowEntered = new CountDownLatch(4);
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private final AtomicLong allocatedByHandlerThread = new AtomicLong(-1);
    private final Router routes = new Router()
            .get("/hello", request -> {
                var threads = ManagementFactory.getThreadMXBean();
                if (threads instanceof com.sun.management.ThreadMXBean sun) {
                    allocatedByHandlerThread.set(sun.getThreadAllocatedBytes(Thread.currentThread().getId()));
                }
                return HttpResponse.text(Status.OK, "hello");
            })
            .post("/echo", request -> HttpResponse.of(Status.OK, "application/octet-stream", request.body()))
            .get("/big", request -> HttpResponse.of(Status.OK, "application/octet-stream", BIG))
            .get("/overflow", request -> {
                throw new StackOverflowError("as a deeply nested document's walk would");
            })
            .get("/internal", request -> {
                throw new InternalError("a handler's own failure of the VM's kind");
            })
            .get("/slow", request -> {
                slowEntered.countDown();
                slowRelease.await(30, TimeUnit.SECONDS);
                return HttpResponse.text(Status.OK, "slow done");
            });
    private HttpServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        slowRelease.countDown();
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
    }

    private HttpServer start(HttpServerConfig config) throws IOException {
        server = HttpServer.start(config, routes);
        return server;
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void a_body_dripped_a_byte_at_a_time_is_cut_at_its_total_deadline() throws Exception {
        // Each byte comes well within the per-read time-out; only the total deadline can end this.
        start(HttpServerConfig.defaults().withReadTimeoutMillis(1_000).withMinBodyBytesPerSecond(1_024));
        try (RawClient client = new RawClient(server.address())) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
            int sent = 0;
            try {
                while (sent < 100) {
                    client.send("a");
                    sent++;
                    Thread.sleep(100);
                    if (client.available() > 0) {
                        break;
                    }
                }
            } catch (IOException closed) {
                // The server may close before we notice its answer.
            }
            assertTrue(sent < 100, "the drip was cut before 100 bytes (10 s): " + sent);
            assertEquals(408, client.read().status());
        }
    }

    @Test
    void a_client_that_pipelines_and_never_reads_is_cut_at_the_write_timeout() throws Exception {
        start(HttpServerConfig.defaults().withWriteTimeoutMillis(500));
        Socket greedy = new Socket();
        sockets.add(greedy);
        greedy.setReceiveBufferSize(4096);
        greedy.connect(server.address());
        OutputStream out = greedy.getOutputStream();
        for (int i = 0; i < 20; i++) {
            out.write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
        waitUntil(() -> server.connectionCount() == 1, "the connection is served");
        // 80 MB of answers that are never read: the server's write stalls, and the watchdog ends it.
        waitUntil(() -> server.connectionCount() == 0, "the stalled connection is closed");
    }

    @Test
    void a_thousand_silent_connections_give_way_to_a_new_request() throws Exception {
        start(HttpServerConfig.defaults().withMaxConnections(1024).withMaxConnectionsPerClient(1024));
        for (int i = 0; i < 1024; i++) {
            Socket silent = new Socket();
            sockets.add(silent);
            silent.connect(server.address(), 5_000);
        }
        waitUntil(() -> server.connectionCount() == 1024, "all 1024 accepted");

        try (RawClient client = new RawClient(server.address())) {
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, client.read().status(), "the oldest silent connection was closed to make room");
        }
    }

    @Test
    void one_address_cannot_take_every_connection() throws Exception {
        start(HttpServerConfig.defaults().withMaxConnections(64).withMaxConnectionsPerClient(4));
        InetAddress other = InetAddress.getByName("127.0.0.2");
        List<RawClient> busy = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                RawClient client = new RawClient(server.address(), new InetSocketAddress(other, 0));
                busy.add(client);
                client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            assertTrue(slowEntered.await(10, TimeUnit.SECONDS), "four busy connections from 127.0.0.2");
            try (RawClient fifth = new RawClient(server.address(), new InetSocketAddress(other, 0))) {
                assertEquals(503, fifth.read().status(), "its fifth is refused: none of its four is idle");
            }
            try (RawClient someoneElse = new RawClient(server.address())) {
                someoneElse.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals(200, someoneElse.read().status(), "127.0.0.1 is served all the same");
            }
        } finally {
            slowRelease.countDown();
            for (RawClient client : busy) {
                client.close();
            }
        }
    }

    @Test
    void a_hundred_megabyte_body_to_a_route_that_takes_none_is_dropped_in_constant_memory() throws Exception {
        start(HttpServerConfig.defaults().withMaxBodyBytes(200L * 1024 * 1024));
        try (RawClient client = new RawClient(server.address())) {
            long length = 100L * 1024 * 1024;
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n");
            byte[] block = new byte[64 * 1024];
            for (long sent = 0; sent < length; sent += block.length) {
                client.write(block);
            }
            assertEquals("hello", client.read().text());
        }
        long allocated = allocatedByHandlerThread.get();
        Assumptions.assumeTrue(allocated > 0, "this JVM measures no allocation per thread (virtual threads)");
        assertTrue(allocated < 4 * 1024 * 1024, "the connection allocated " + allocated + " bytes in all");
    }

    @Test
    void a_declared_length_costs_nothing_until_its_bytes_arrive() throws Exception {
        RequestInput input = new RequestInput(new java.io.ByteArrayInputStream(new byte[100]), null);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        try {
            BodyReader.read(input, 1024 * 1024, 1024 * 1024, 1024);
            fail("the stream ends after 100 bytes");
        } catch (java.io.EOFException expected) {
            // As it should.
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 256 * 1024, "allocated " + allocated + " bytes for a body of 100");
    }

    @Test
    void every_throwable_of_a_handler_is_answered_with_a_500() throws Exception {
        start(HttpServerConfig.defaults());
        for (String path : List.of("/overflow", "/internal")) {
            try (RawClient client = new RawClient(server.address())) {
                client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
                RawClient.Response response = client.read();
                assertEquals(500, response.status());
                assertTrue(!response.text().contains("Error"), response.text());
            }
        }
        try (RawClient client = new RawClient(server.address())) {
            assertEquals(200, client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
        }
    }

    @Test
    void a_header_section_too_large_is_answered_with_the_limit_not_what_was_left() throws Exception {
        start(HttpServerConfig.defaults().withMaxHeaderBytes(512));
        try (RawClient client = new RawClient(server.address())) {
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\n" + "X-A: 1234567890\r\n".repeat(40) + "\r\n");
            RawClient.Response response = client.read();
            assertEquals(431, response.status());
            assertTrue(response.text().contains("larger than 512 bytes"), response.text());
        }
    }

    @Test
    void the_limits_are_options_of_serve() throws Exception {
        var serve = (org.socketlab.server.cli.Command.Serve) org.socketlab.server.cli.CommandLineParser.parse("serve",
                "--max-connections", "100", "--max-connections-per-client=10", "--request-timeout", "5",
                "--min-body-rate", "2048", "--write-timeout", "7", "--idle-timeout", "30");
        ConnectionLimits limits = serve.config().connections();
        assertEquals(new ConnectionLimits(100, 10, 5_000, 30_000, 2048, 7_000), limits);
        HttpServerConfig config = limits.applyTo(HttpServerConfig.defaults());
        assertEquals(10, config.maxConnectionsPerClient());
        assertEquals(7_000, config.writeTimeoutMillis());
        org.junit.jupiter.api.Assertions.assertThrows(org.socketlab.server.cli.UsageException.class,
                () -> org.socketlab.server.cli.CommandLineParser.parse("serve", "--write-timeout", "0"));
        org.junit.jupiter.api.Assertions.assertThrows(org.socketlab.server.cli.UsageException.class,
                () -> org.socketlab.server.cli.CommandLineParser.parse("list", "--max-connections", "5"));
    }
}
