package org.socketlab.server.api;

import java.util.Map;
import java.util.concurrent.Semaphore;

import org.socketlab.api.CaseRunner;
import org.socketlab.api.RunOptions;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.server.http.HttpException;
import org.socketlab.server.http.Status;
import org.socketlab.server.plugins.RegisteredCase;

/**
 * Runs cases for the API: at most a fixed number at once (each run holds threads and sockets), every run
 * within the configured time limit, and every transcript kept in the {@link RunStore}.
 */
public final class RunService {
    private final RunOptions options;
    private final Semaphore slots;
    private final RunStore store;

    /**
     * @param options        the time limits and target policy of every run
     * @param maxRunsAtOnce  how many runs may go on at the same time
     * @param store          where finished transcripts are kept
     */
    public RunService(RunOptions options, int maxRunsAtOnce, RunStore store) {
        this.options = options;
        this.slots = new Semaphore(maxRunsAtOnce);
        this.store = store;
    }

    /**
     * Runs a case once.
     *
     * @param registered the case
     * @param params     the caller's values
     * @return the transcript
     * @throws org.socketlab.api.InvalidParamException if a value is invalid
     * @throws HttpException                          503 when too many runs are going on
     */
    public Transcript run(RegisteredCase registered, Map<String, ?> params) {
        if (!slots.tryAcquire()) {
            throw new HttpException(Status.SERVICE_UNAVAILABLE,
                    "too many runs are going on at once; try again in a moment");
        }
        try {
            Transcript transcript = CaseRunner.run(registered.labCase(), params, options,
                    failure -> CaseFailureLog.write(System.err, registered, failure));
            store.add(transcript);
            return transcript;
        } finally {
            slots.release();
        }
    }

    /** @return where finished transcripts are kept */
    public RunStore store() {
        return store;
    }
}
