package org.socketlab.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.socketlab.api.CaseRunner;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunOptions;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

/**
 * Runs a case whose reference server serves the lab's own client, again when a connection from outside the
 * run reached that server. A server's port is an ordinary port on 127.0.0.1: a port scan or a stray client of
 * another program on the machine (other builds, a student's scan on a shared machine) may connect in the middle
 * of the run. The servers that go through {@code ServerMode} turn such a stranger away
 * ({@code TcpListener.acceptOnlyLabClients()}); a case's other listeners accept whoever connects first, and
 * that run then says nothing about the case.
 *
 * <p>A stray is told from the lab's client by the transcript itself: a lab socket registers its connection
 * before it connects, so the accept of a lab client has the {@code conn} of a {@code connect} of the run; an
 * accept whose {@code conn} no {@code connect} has came from outside. Only such a run is repeated; a run that
 * fails without a stray is returned as it is, so the test still fails when the case does.
 */
public final class UndisturbedRuns {
    /**
     * Strays come in bursts (a benchmark that scans all 65,535 ports of 127.0.0.1 five times in ten seconds hit
     * three runs in a row): five disturbed runs in a row mean something else accepts outside connections.
     */
    static final int MAX_ATTEMPTS = 5;

    private UndisturbedRuns() {
    }

    /**
     * {@link CaseRunner#run(LabCase)}, repeated while a connection from outside the run reached the case's server.
     *
     * @param labCase the case
     * @return the transcript of the first run that no outside connection reached
     * @throws AssertionError when every attempt was disturbed
     */
    public static Transcript run(LabCase labCase) {
        return run(labCase, Map.of());
    }

    /**
     * {@link CaseRunner#run(LabCase, Map)}, repeated while a connection from outside the run reached the case's
     * server.
     *
     * @param labCase the case
     * @param params  its values
     * @return the transcript of the first run that no outside connection reached
     * @throws AssertionError when every attempt was disturbed
     */
    public static Transcript run(LabCase labCase, Map<String, ?> params) {
        return run(labCase, params, RunOptions.defaults());
    }

    /**
     * {@link CaseRunner#run(LabCase, Map, RunOptions)}, repeated while a connection from outside the run reached
     * the case's server.
     *
     * @param labCase the case
     * @param params  its values
     * @param options the run's limits and listener (a listener sees the events of every attempt)
     * @return the transcript of the first run that no outside connection reached
     * @throws AssertionError when every attempt was disturbed
     */
    public static Transcript run(LabCase labCase, Map<String, ?> params, RunOptions options) {
        List<TranscriptEvent> strays = List.of();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Transcript transcript = CaseRunner.run(labCase, params, options);
            strays = strays(transcript);
            if (strays.isEmpty()) {
                return transcript;
            }
            // Said, not hidden: a build log that shows this often points at a noisy neighbour.
            System.err.println("UndisturbedRuns: " + labCase.info().id() + " accepted connections from outside "
                    + "the run " + strays + "; running it again (" + attempt + " of " + MAX_ATTEMPTS + ")");
        }
        throw new AssertionError("every one of " + MAX_ATTEMPTS + " runs of " + labCase.info().id()
                + " accepted a connection no lab socket of the run made, last " + strays);
    }

    /**
     * @param transcript a finished run
     * @return the accepts of connections that no lab socket of the run made, in order
     */
    public static List<TranscriptEvent> strays(Transcript transcript) {
        Set<Integer> connected = transcript.events().stream().filter(e -> e.kind() == EventKind.CONNECT)
                .map(TranscriptEvent::conn).collect(Collectors.toSet());
        return transcript.events().stream()
                .filter(e -> e.kind() == EventKind.ACCEPT && !connected.contains(e.conn())).toList();
    }
}
