package org.socketlab.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;
import org.socketlab.api.RunOptions;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.cases.tcp.MissingMessageCase;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UndisturbedRunsTest {

    /** A port scan's connect: in the backlog as soon as the server listens, before the lab's client connects. */
    private static final RunOptions STRAY_AT_LISTEN = RunOptions.defaults().withListener(event -> {
        if (event.kind() == EventKind.LISTEN) {
            int port = Integer.parseInt(event.local().substring(event.local().lastIndexOf(':') + 1));
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    });

    /** A server that accepts whoever comes first, as a plugin's listener does unless it asks otherwise. */
    private static final LabCase OPEN_SERVER = new LabCase() {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("open-server").title("Open server").summary("Accepts whoever comes first.")
                    .source("UndisturbedRunsTest").build();
        }

        @Override
        public void run(RunContext context) throws Exception {
            try (TcpListener server = context.actor("Server").listen();
                    TcpConnection client = context.actor("Client").connect("127.0.0.1", server.port());
                    TcpConnection accepted = server.accept()) {
                client.send("hi");
                context.checkEquals("the server reads the client's hi", "hi", accepted.recvText(16));
            }
        }
    };

    @Test
    void a_connection_from_outside_the_run_that_an_open_server_accepts_first_is_a_stray() {
        Transcript transcript = CaseRunner.run(OPEN_SERVER, Map.of(), STRAY_AT_LISTEN);

        assertEquals(Outcome.FAILED, transcript.outcome(), "the server reads the stray's nothing: " + transcript.checks());
        assertEquals(1, UndisturbedRuns.strays(transcript).size(), transcript.events().toString());
    }

    @Test
    void a_built_in_reference_server_turns_the_stray_away_and_serves_the_lab_client() {
        Transcript transcript = CaseRunner.run(new MissingMessageCase(), Map.of(), STRAY_AT_LISTEN);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals(List.of(), UndisturbedRuns.strays(transcript), "the stray was never accepted");
        assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.NOTE
                && e.text().contains("that no socket of this run made")), transcript.events().toString());
    }

    @Test
    void the_lab_clients_own_connections_are_no_strays() {
        Transcript transcript = CaseRunner.run(new MissingMessageCase(), Map.of());

        assertEquals(List.of(), UndisturbedRuns.strays(transcript));
    }
}
