package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Waits for a condition that another thread brings about, checking it often, up to a deadline. */
final class Eventually {
    private static final long CHECK_EVERY_MILLIS = 20;

    private Eventually() {
    }

    /**
     * @param limit     how long to wait at most
     * @param condition what must become true; an exception counts as not yet
     * @param what      what is waited for, to explain a failure; called then
     */
    static void await(Duration limit, Callable<Boolean> condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() - deadline < 0) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(CHECK_EVERY_MILLIS);
        }
        fail("not within " + limit.toMillis() + " ms: " + what.get() + (last == null ? "" : " (last error: " + last + ")"));
    }
}
