package org.socketlab.server.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.server.http.BodyWriter;

/**
 * The body of {@code GET /api/runs/{id}/events}: a run's events as Server-Sent Events (HTML Living Standard
 * §9.2), one {@code id:}/{@code data:} event per transcript event in the order they were recorded, then
 * {@code event: end}. It holds its connection's thread until the run ends (at most the run's time limit)
 * or the client goes; a comment every {@code heartbeat} while nothing happens makes a gone client fail a
 * write, so its thread is not held to the end of a long, quiet run.
 */
final class EventStream implements BodyWriter {
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BUSY = "retry: 5000\n: too many event streams are open; reconnecting later\n\n"
            .getBytes(StandardCharsets.UTF_8);
    // How long an EventSource waits before it reconnects after a lost connection.
    private static final byte[] RETRY = "retry: 2000\n\n".getBytes(StandardCharsets.UTF_8);

    private final LiveRun run;
    private final int from;
    private final Duration heartbeat;
    private final Semaphore streams;

    /**
     * @param run       the run
     * @param from      the index of the first event to send (after {@code Last-Event-ID})
     * @param heartbeat the longest silence on the stream
     * @param streams   permits for the streams open at once
     */
    EventStream(LiveRun run, int from, Duration heartbeat, Semaphore streams) {
        this.run = run;
        this.from = from;
        this.heartbeat = heartbeat;
        this.streams = streams;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        // Taken here rather than by the handler: this is the only code sure to run to its finally.
        if (!streams.tryAcquire()) {
            out.write(BUSY);
            return;
        }
        try {
            out.write(RETRY);
            out.flush();
            stream(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the server is stopping");
        } finally {
            streams.release();
        }
    }

    private void stream(OutputStream out) throws IOException, InterruptedException {
        int next = from;
        while (true) {
            LiveRun.Batch batch = run.awaitEvents(next, heartbeat);
            for (TranscriptEvent event : batch.events()) {
                writeEvent(out, next++, event);
            }
            if (batch.finished() != null) {
                writeEnd(out, run.endJson());
                out.flush();
                return;
            }
            if (batch.events().isEmpty()) {
                out.write(KEEP_ALIVE);
            }
            out.flush();
        }
    }

    // Compact JSON holds no line break (they are escaped in strings), so one data: line carries it.
    private static void writeEvent(OutputStream out, int id, TranscriptEvent event) throws IOException {
        out.write(("id: " + id + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.write(Json.bytes(TranscriptJson.event(event)));
        out.write('\n');
        out.write('\n');
    }

    private static void writeEnd(OutputStream out, byte[] data) throws IOException {
        out.write("event: end\ndata: ".getBytes(StandardCharsets.UTF_8));
        out.write(data);
        out.write('\n');
        out.write('\n');
    }
}
