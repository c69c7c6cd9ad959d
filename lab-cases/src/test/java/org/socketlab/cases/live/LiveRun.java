package org.socketlab.cases.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.socketlab.api.CaseRunner;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunOptions;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Transcript;

/**
 * A case run in live mode ({@code listenPort=0}) on a thread of its own, as a student starts it before their
 * client: the port is learnt from the run's first {@code listen} event, as a live viewer learns it.
 */
final class LiveRun {
    private static final long WAIT_SECONDS = 20;

    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<Transcript> transcript;

    private LiveRun(LabCase labCase, Map<String, Object> params) {
        RunOptions options = RunOptions.defaults().withListener(event -> {
            if (event.kind() == EventKind.LISTEN) {
                port.complete(Integer.parseInt(event.local().substring(event.local().lastIndexOf(':') + 1)));
            }
        });
        transcript = CompletableFuture.supplyAsync(() -> CaseRunner.run(labCase, params, options));
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

    /** @return the port the lab's server listens on, once its listen event came */
    int port() throws Exception {
        return port.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** @return the transcript, once the run ended */
    Transcript transcript() throws Exception {
        return transcript.get(WAIT_SECONDS + Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS);
    }
}
