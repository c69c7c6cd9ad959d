package org.socketlab.cases.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.api.LabCase;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.cases.http.CurlDetectiveCase;
import org.socketlab.cases.http.HttpVisitorServerCase;
import org.socketlab.cases.http.SimpleServerCase;
import org.socketlab.cases.http.ThreadedWebServerCase;
import org.socketlab.cases.tcp.MissingMessageCase;
import org.socketlab.cases.tcp.ServerPushCase;
import org.socketlab.cases.udp.UdpCounterCase;

/**
 * The other cases whose handout has a server program: with {@code listenPort}, each serves a JDK client that
 * does what the handout's client does, names it "Your client", and passes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EveryLiveCaseTest {

    /** What the student's client does once the lab's server listens on {@code port}. */
    @FunctionalInterface
    interface YourClient {
        void run(LiveRun run) throws Exception;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new MissingMessageCase(), Map.of(), (YourClient) run -> send(run, "HELLO WORLD")),
                Arguments.of(new HttpVisitorServerCase(), Map.of("visits", 2), (YourClient) run -> {
                    String first = exchange(run, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                    String second = exchange(run, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                    assertTrue(first.contains("You are visitor #1") && second.contains("You are visitor #2"), second);
                }),
                Arguments.of(new SimpleServerCase(), Map.of(), (YourClient) run ->
                        assertTrue(exchange(run, "GET / HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200 OK"))),
                Arguments.of(new ServerPushCase(), Map.of(), (YourClient) run ->
                        assertEquals("cse323", exchange(run, ""))),
                Arguments.of(new ThreadedWebServerCase(), Map.of("clients", 2, "delayMillis", 20), (YourClient) run -> {
                    for (int i = 0; i < 2; i++) {
                        assertTrue(exchange(run, "GET /HelloWorld.html HTTP/1.1\r\nHost: x\r\n\r\n")
                                .startsWith("HTTP/1.1 200 OK"));
                    }
                }),
                Arguments.of(new CurlDetectiveCase(), Map.of(), (YourClient) run -> {
                    exchange(run, "GET /test HTTP/1.1\r\nHost: x\r\nUser-Agent: curl/8.4.0\r\n\r\n");
                    exchange(run, "POST /test HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\nDetective at work");
                    exchange(run, "POST /bigdata HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + "X".repeat(5000));
                }),
                Arguments.of(new UdpCounterCase(), Map.of("clients", 2), (YourClient) run -> {
                    try (DatagramSocket client = run.udp()) {
                        client.setSoTimeout(5_000);
                        for (int n = 1; n <= 2; n++) {
                            byte[] message = "Hello from UDP client!".getBytes(StandardCharsets.UTF_8);
                            client.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(),
                                    run.port()));
                            DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
                            client.receive(reply);
                            assertEquals("Received! Message #" + n,
                                    new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
                        }
                    }
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void serves_your_client_as_the_handouts_server_would(LabCase labCase, Map<String, Object> params,
                                                         YourClient yourClient) throws Exception {
        LiveRun.test(labCase, params, run -> {
            yourClient.run(run);
            Transcript transcript = run.transcript();

            ListenPortTest.assertPassed(transcript);
            assertEquals(EventKind.LISTEN, transcript.events().get(0).kind());
            assertTrue(transcript.events().stream().anyMatch(e -> "Your client".equals(e.peer())),
                    "events of the student's client name it");
        });
    }

    private static void send(LiveRun run, String text) throws Exception {
        try (Socket client = run.connect()) {
            client.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String exchange(LiveRun run, String request) throws Exception {
        try (Socket client = run.connect()) {
            client.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(ListenPortTest.readUntilClosed(client), StandardCharsets.UTF_8);
        }
    }
}
