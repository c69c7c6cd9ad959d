package org.socketlab.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.socketlab.api.LabCase;
import org.socketlab.api.Params;

/**
 * Asks a case for its run's time limit ({@link LabCase#timeLimit}) without trusting it to return: a case that
 * keeps the default answers on the caller's thread; one that overrides it is asked on a thread of its own and
 * waited for at most the standard limit, so a {@code timeLimit} that never returns cannot hold the caller
 * (an HTTP thread) longer than a run could.
 */
final class CaseTimeLimit {
    private CaseTimeLimit() {
    }

    /** @return the case's answer, or {@code null} when it failed or did not answer in time */
    static Duration ask(LabCase labCase, Params params, Duration standard) {
        if (!overridesTimeLimit(labCase)) {
            return standard;
        }
        CompletableFuture<Duration> answer = new CompletableFuture<>();
        Thread asker = new Thread(() -> {
            try {
                answer.complete(labCase.timeLimit(params, standard));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        }, "time limit of " + labCase.getClass().getName());
        asker.setDaemon(true);
        asker.start();
        try {
            return answer.get(standard.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            asker.interrupt();
            return null;
        }
    }

    private static boolean overridesTimeLimit(LabCase labCase) {
        try {
            return labCase.getClass().getMethod("timeLimit", Params.class, Duration.class).getDeclaringClass()
                    != LabCase.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }
}
