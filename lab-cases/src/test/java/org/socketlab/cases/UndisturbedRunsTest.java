package org.socketlab.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.RunOptions;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.cases.tcp.MissingMessageCase;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UndisturbedRunsTest {

    @Test
    void a_connection_from_outside_the_run_that_the_server_accepts_first_is_a_stray() {
        // A port scan's connect: in the backlog as soon as the server listens, before Alice connects, and closed.
        RunOptions strayAtListen = RunOptions.defaults().withListener(event -> {
            if (event.kind() == EventKind.LISTEN) {
                int port = Integer.parseInt(event.local().substring(event.local().lastIndexOf(':') + 1));
                try {
                    new Socket(InetAddress.getLoopbackAddress(), port).close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });

        Transcript transcript = CaseRunner.run(new MissingMessageCase(), Map.of(), strayAtListen);

        assertEquals(Outcome.FAILED, transcript.outcome(), "Bob reads the stray's nothing: " + transcript.checks());
        assertEquals(1, UndisturbedRuns.strays(transcript).size(), transcript.events().toString());
    }

    @Test
    void the_lab_clients_own_connections_are_no_strays() {
        Transcript transcript = CaseRunner.run(new MissingMessageCase(), Map.of());

        assertEquals(List.of(), UndisturbedRuns.strays(transcript));
    }
}
