package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated requests, from a fixed seed, through the request parser and through a running server: every one is
 * parsed or refused with a 4xx/5xx of the parser's own, never another exception, a 500 or a hang. CI runs a
 * few thousand; a longer run takes {@code -Dsocketlab.fuzz.iterations=2000000} (and {@code -Dsocketlab.fuzz.seed=N}
 * for another corpus), see docs/architecture.md.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RequestParserFuzzTest {
    private static final long SEED = Long.getLong("socketlab.fuzz.seed", 20261201L);
    private static final int ITERATIONS = Integer.getInteger("socketlab.fuzz.iterations", 30_000);
    private static final int OVER_SOCKETS = Math.max(200, ITERATIONS / 100);
    private static final Set<Integer> PARSER_STATUSES = Set.of(400, 408, 411, 413, 414, 417, 431, 501, 505);
    private static final HttpServerConfig LIMITS = HttpServerConfig.defaults().withMaxRequestLineBytes(256)
            .withMaxHeaderBytes(1024).withMaxBodyBytes(4096);
    private static final List<String> SEEDS = List.of(
            "GET /api/cases HTTP/1.1\r\nHost: localhost:8080\r\nAccept: */*\r\n\r\n",
            "POST /api/cases/missing-message/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 14\r\n\r\n{\"params\": {}}",
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n0\r\nT: v\r\n\r\n",
            "GET http://localhost/a%20b?q=1&r=%E2%82%AC HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
            "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
            "PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\nabc",
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    private static final String[] TOKENS = {"\r\n", "\n", "\r", " ", "\t", ":", "\0", "Content-Length: ",
            "Transfer-Encoding: chunked\r\n", "Host: y\r\n", "ffffffffffffffff", "-1", "%", "%zz", "%00", "..", "\u00ff",
            "HTTP/1.1", "HTTP/2.0", "9999999999999999999", ";", ",", "\"", "chunked, gzip"};

    @Test
    void mutated_requests_are_parsed_or_refused_by_the_parser_alone() {
        Random random = new Random(SEED);
        int refused = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] request = mutate(random);
            try {
                parse(request);
            } catch (HttpException e) {
                assertTrue(PARSER_STATUSES.contains(e.status().code()),
                        "status " + e.status() + " for " + shown(request));
                refused++;
            } catch (EOFException e) {
                // The mutation cut the request short: at the server, the client closed early.
                refused++;
            } catch (IOException | RuntimeException | Error e) {
                throw new AssertionError("iteration " + i + " (seed " + SEED + "): " + e + " for " + shown(request), e);
            }
        }
        // The mutations must reach the parser's refusals, or this test would prove little.
        assertTrue(refused > ITERATIONS / 10, refused + " refused of " + ITERATIONS);
    }

    private static void parse(byte[] bytes) throws IOException {
        RequestInput input = new RequestInput(new ByteArrayInputStream(bytes), null);
        RequestReader reader = new RequestReader(input, LIMITS);
        while (true) {
            RequestLine line = reader.readRequestLine();
            if (line == null) {
                return;
            }
            RequestHead head = reader.readHead(line);
            byte[] body = reader.readBody(head);
            head.toRequest(body, null).queryParams();
        }
    }

    @Test
    void a_running_server_answers_mutated_requests_without_a_500_and_keeps_serving() throws Exception {
        Random random = new Random(SEED + 1);
        Router routes = new Router()
                .get("/api/cases", request -> HttpResponse.text(Status.OK, "ok"))
                .post("/echo", request -> HttpResponse.of(Status.OK, "application/octet-stream", request.body()))
                .put("/x", request -> HttpResponse.text(Status.OK, "put"));
        try (HttpServer server = HttpServer.start(LIMITS.withReadTimeoutMillis(2_000), routes)) {
            for (int i = 0; i < OVER_SOCKETS; i++) {
                byte[] request = mutate(random);
                int status = exchange(server, request);
                if (status >= 500 && status != 501 && status != 505) {
                    fail("status " + status + " for " + shown(request));
                }
            }
            assertEquals(200, exchange(server, SEEDS.get(0).getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    /** Sends the bytes, half-closes, and returns the first status code answered, or 0 if none. */
    private static int exchange(HttpServer server, byte[] request) throws IOException {
        try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                socket.shutdownOutput();
            } catch (SocketException e) {
                // The server answered and closed before reading it all.
            }
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (text.length() < 12) {
                return 0;
            }
            assertTrue(text.startsWith("HTTP/1.1 "), text);
            return Integer.parseInt(text.substring(9, 12));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 10 s for " + shown(request), e);
        } catch (SocketException reset) {
            return 0;
        }
    }

    private static byte[] mutate(Random random) {
        byte[] seed = SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(seed.length + 64);
        out.writeBytes(seed);
        byte[] bytes = out.toByteArray();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            bytes = mutateOnce(random, bytes);
        }
        return bytes;
    }

    private static byte[] mutateOnce(Random random, byte[] bytes) {
        if (bytes.length == 0) {
            return TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.ISO_8859_1);
        }
        int at = random.nextInt(bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 32);
        switch (random.nextInt(6)) {
            case 0 -> {
                bytes = bytes.clone();
                bytes[at] ^= (byte) (1 << random.nextInt(8));
                return bytes;
            }
            case 1 -> {
                bytes = bytes.clone();
                bytes[at] = (byte) random.nextInt(256);
                return bytes;
            }
            case 2 -> {
                int resume = Math.min(bytes.length, at + 1 + random.nextInt(8));
                out.write(bytes, 0, at);
                out.write(bytes, resume, bytes.length - resume);
            }
            case 3 -> {
                out.write(bytes, 0, at);
                out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes, at, bytes.length - at);
            }
            case 4 -> {
                // A slice repeated: duplicated headers, doubled chunks, pipelined requests.
                int end = Math.min(bytes.length, at + 1 + random.nextInt(40));
                out.write(bytes, 0, end);
                out.write(bytes, at, bytes.length - at);
            }
            default -> {
                out.write(bytes, 0, at);
            }
        }
        return out.toByteArray();
    }

    private static String shown(byte[] request) {
        StringBuilder text = new StringBuilder();
        for (byte b : request) {
            int c = b & 0xFF;
            text.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return text.toString();
    }
}
