package org.socketlab.cases.live;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.socketlab.api.LabCase;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.engine.Engine;
import org.socketlab.engine.RunHandle;
import org.socketlab.engine.RunSettings;

/**
 * A case run in live mode ({@code listenPort=0}) on a thread of its own, as a student starts it before their
 * client: the port is learnt from the run's first {@code listen} event, as a live viewer learns it.
 *
 * <p>The lab's server accepts whoever comes first, and its port is an ordinary port on 127.0.0.1, so a port
 * scan or stray client of another program on the machine may reach it before the test's client. The test's
 * clients are made here ({@link #connect()}, {@link #udp()}) and bound before they connect or send, so their
 * ports are known before the server can see them; any other peer of an {@code accept} or of a received datagram
 * is a stray. A test whose client is a real program counts its peers instead ({@link #expectProgramPeers}).
 * {@link #test} runs a test again only when it failed and a stray had come.
 */
final class LiveRun {
    private static final long WAIT_SECONDS = 20;
    private static final int CONNECT_MILLIS = 10_000;
    /**
     * Strays come in bursts (a benchmark that scans all 65,535 ports of 127.0.0.1 five times in ten seconds hit
     * three runs in a row): five disturbed runs in a row mean something else is wrong.
     */
    private static final int MAX_ATTEMPTS = 5;

    /** A test's part in a live run: the student's client and the assertions on what happened. */
    @FunctionalInterface
    interface Body {
        void run(LiveRun run) throws Exception;
    }

    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<Transcript> transcript;
    private final RunHandle handle = new RunHandle();
    /** The local ports of the test's own clients, each added before the client connects or sends. */
    private final Set<Integer> yourPorts = ConcurrentHashMap.newKeySet();
    private final List<TranscriptEvent> strays = new CopyOnWriteArrayList<>();
    /** How many of the peers not made here are the test's own: a real program's (python3, curl), port unknown. */
    private volatile int programPeers;

    private LiveRun(LabCase labCase, Map<String, Object> params) {
        RunSettings settings = RunSettings.defaults().withListener(event -> {
            if (event.kind() == EventKind.LISTEN) {
                port.complete(portOf(event.local()));
            } else if (fromPeer(event) && !yourPorts.contains(portOf(event.remote()))) {
                strays.add(event);
            }
        });
        // The engine's run, for its handle: a disturbed run is cancelled before the test runs again.
        transcript = CompletableFuture.supplyAsync(() -> Engine.run(labCase, params, settings, handle, failure -> { }));
        transcript.whenComplete((t, e) -> port.completeExceptionally(new IllegalStateException("no listen event")));
    }

    /**
     * @param labCase the case
     * @param params  its values; {@code listenPort} is set to 0 unless given
     * @return the run, going on
     */
    static LiveRun start(LabCase labCase, Map<String, Object> params) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.putIfAbsent("listenPort", "0");
        return new LiveRun(labCase, all);
    }

    /**
     * Starts a live run and hands it to {@code body}. When the body fails and the lab's server had a stray peer,
     * the run proves nothing of the case: it is cancelled and the whole test runs again, at most five times.
     * A failure without a stray is thrown at once.
     *
     * @param labCase the case
     * @param params  its values, as for {@link #start}
     * @param body    the test's client and assertions; its clients come from {@link #connect()} and {@link #udp()}
     */
    static void test(LabCase labCase, Map<String, Object> params, Body body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            LiveRun run = start(labCase, params);
            try {
                body.run(run);
                return;
            } catch (Exception | AssertionError failure) {
                if (!run.disturbed() || attempt == MAX_ATTEMPTS) {
                    if (run.disturbed()) {
                        failure.addSuppressed(new IllegalStateException("strays reached the lab's server in each of "
                                + MAX_ATTEMPTS + " runs, last " + run.strays));
                    }
                    throw failure;
                }
                System.err.println("LiveRun: " + labCase.info().id() + " failed (" + failure + ") after peers other "
                        + "than the test's clients reached it " + run.strays + "; running it again (" + attempt
                        + " of " + MAX_ATTEMPTS + ")");
            } finally {
                run.handle.cancel();
            }
        }
    }

    /**
     * Says that the test's client is a real program whose ports cannot be known beforehand: its first
     * {@code count} connections or datagrams are the test's, only more than that are strays.
     *
     * @param count how many connections or datagrams the program makes
     */
    void expectProgramPeers(int count) {
        programPeers = count;
    }

    private boolean disturbed() {
        return strays.size() > programPeers;
    }

    /** @return the port the lab's server listens on, once its listen event came */
    int port() throws Exception {
        return port.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** @return the transcript, once the run ended */
    Transcript transcript() throws Exception {
        return transcript.get(WAIT_SECONDS + Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS);
    }

    /** @return a TCP client of the test's own, connected to the lab's server */
    Socket connect() throws Exception {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            yourPorts.add(socket.getLocalPort());
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), CONNECT_MILLIS);
            return socket;
        } catch (Exception | Error e) {
            socket.close();
            throw e;
        }
    }

    /** @return a UDP socket of the test's own on 127.0.0.1, for datagrams to the lab's server */
    DatagramSocket udp() throws IOException {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        yourPorts.add(socket.getLocalPort());
        return socket;
    }

    // The events where the lab's server meets a peer: a TCP accept, a datagram received.
    private static boolean fromPeer(TranscriptEvent event) {
        return event.remote() != null && (event.kind() == EventKind.ACCEPT
                || event.kind() == EventKind.RECV && "udp".equals(event.protocol()));
    }

    private static int portOf(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
