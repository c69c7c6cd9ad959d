package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

/** {@link TcpConnection#abort()}: a close that resets, as CPython's close with unread bytes does on Linux. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AbortiveCloseTest {

    @Test
    void the_peer_reads_a_reset_and_the_close_is_recorded_as_one() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<Transcript> run = CompletableFuture.supplyAsync(() -> CaseRunner.run(new LabCase() {
            @Override
            public CaseInfo info() {
                return CaseInfo.builder("abort").title("Abort").summary("A test case.").source("test").build();
            }

            @Override
            public void run(RunContext context) throws Exception {
                try (TcpListener listener = context.actor("Server").listen()) {
                    port.complete(listener.port());
                    TcpConnection connection = listener.accept();
                    connection.recv(4);
                    connection.abort();
                    connection.close();
                }
            }
        }, Map.of(), RunOptions.defaults().withIoTimeout(Duration.ofSeconds(5))));

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port.get(5, TimeUnit.SECONDS))) {
            client.setSoTimeout(5_000);
            client.getOutputStream().write("more than four bytes".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            IOException reset = assertThrows(SocketException.class, () -> in.read());
            assertTrue(reset.getMessage().toLowerCase().contains("reset"), reset.getMessage());
        }

        Transcript transcript = run.get(10, TimeUnit.SECONDS);
        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        var closes = transcript.events().stream()
                .filter(e -> e.kind() == EventKind.CLOSE && e.conn() != null).map(TranscriptEvent::text).toList();
        assertEquals(1, closes.size(), "closing again after abort() records nothing: " + closes);
        assertTrue(closes.get(0).contains("reset (RST)"), closes.get(0));
    }
}
