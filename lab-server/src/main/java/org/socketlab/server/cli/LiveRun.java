package org.socketlab.server.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.socketlab.api.InvalidParamException;
import org.socketlab.api.Params;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.engine.CaseFailure;
import org.socketlab.engine.Engine;
import org.socketlab.engine.RunSettings;

/**
 * One run printed as it happens: each event is printed when the sockets record it, so a long scan or a time-out
 * shows progress, and a case that waits for the student's own client ({@code listenPort}) says where it listens
 * before anything else. The events travel through a queue: the recording threads never wait for the terminal.
 */
final class LiveRun {
    /** The longest the printing thread waits for the next event at a time. */
    private static final long POLL_MILLIS = 100;
    /**
     * Queued when the run ends, after its last event: the printing thread stops at once. (It used to look
     * whether the run had ended only when a wait timed out, which added up to 100 ms to every run.)
     */
    private static final Object RUN_ENDED = new Object();
    private static final String LISTEN_PORT = "listenPort";

    private LiveRun() {
    }

    /**
     * @param entry   the case and its values
     * @param options the run's limits (its listener is replaced)
     * @param out      where to print
     * @param failures receives the case id and the exception of a run that ended because the case threw
     * @return the transcript
     * @throws UsageException if the case refuses its values
     */
    static Transcript run(SuitePlan.Entry entry, RunSettings options, PrintStream out,
                          BiConsumer<String, CaseFailure> failures) throws UsageException {
        Params resolved = entry.resolved();
        Map<String, Object> params = resolved.asMap();
        boolean waitsForClient = params.get(LISTEN_PORT) != null && !params.get(LISTEN_PORT).toString().isBlank();
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        FutureTask<Transcript> run = new FutureTask<>(() -> Engine.run(entry.registered().labCase(),
                resolved, options.withListener(events::add), RunIds.newHandle(),
                failure -> failures.accept(entry.registered().id(), failure))) {
            @Override
            protected void done() {
                events.add(RUN_ENDED);
            }
        };
        Thread thread = new Thread(run, "socketlab-run-" + entry.registered().id());
        thread.setDaemon(true);
        out.print("Case " + entry.registered().id() + "\n" + TranscriptText.head(params));
        out.flush();
        thread.start();
        boolean announced = false;
        try {
            for (Object item; (item = events.poll(POLL_MILLIS, TimeUnit.MILLISECONDS)) != RUN_ENDED; ) {
                if (!(item instanceof TranscriptEvent event)) {
                    continue;
                }
                if (waitsForClient && !announced && event.kind() == EventKind.LISTEN) {
                    announced = true;
                    out.print(">>> Listening on " + event.local() + ": run your client now <<<\n");
                }
                out.print(TranscriptText.eventLine(event));
                out.flush();
            }
            Transcript transcript = run.get();
            out.print("Run id: " + transcript.runId() + "\n" + TranscriptText.tail(transcript));
            out.flush();
            return transcript;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the run was going on", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidParamException invalid) {
                throw new UsageException(invalid.getMessage(), invalid.parameter());
            }
            throw new IllegalStateException("the run failed: " + e.getCause(), e.getCause());
        }
    }
}
