package org.socketlab.cases.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.cases.tcp.TcpUppercaseCase;

/** {@link LiveRun#test}: a stray that reached the lab's server first costs a run, not the test. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveRunTest {

    @Test
    void a_test_that_a_stray_failed_runs_again_and_passes() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        LiveRun.test(new TcpUppercaseCase(), Map.of(), run -> {
            if (attempts.incrementAndGet() == 1) {
                strayConnect(run);
            }
            assertEquals("HELLO WORLD", uppercase(run, "hello world"));
        });

        assertTrue(attempts.get() >= 2, "the stray's run was run again");
    }

    @Test
    void a_stray_in_every_run_fails_the_test() {
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(Exception.class, () -> LiveRun.test(new TcpUppercaseCase(), Map.of(), run -> {
            attempts.incrementAndGet();
            strayConnect(run);
            uppercase(run, "hello world");
        }));

        assertEquals(5, attempts.get());
    }

    // A port scan's connect: the lab's server accepts it first and reads nothing.
    private static void strayConnect(LiveRun run) throws Exception {
        new Socket(InetAddress.getLoopbackAddress(), run.port()).close();
    }

    private static String uppercase(LiveRun run, String sentence) throws Exception {
        try (Socket client = run.connect()) {
            client.getOutputStream().write(sentence.getBytes(StandardCharsets.UTF_8));
            return new String(ListenPortTest.readUntilClosed(client), StandardCharsets.UTF_8);
        }
    }
}
