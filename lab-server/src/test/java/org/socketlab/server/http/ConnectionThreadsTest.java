package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionThreadsTest {

    @Test
    void runs_connections_on_virtual_threads_exactly_when_the_runtime_has_them() throws Exception {
        ExecutorService executor = ConnectionThreads.create(4);
        try {
            boolean virtual = executor.submit(ConnectionThreadsTest::isVirtual).get(5, TimeUnit.SECONDS);

            assertEquals(Runtime.version().feature() >= 21, virtual);
        } finally {
            executor.shutdownNow();
        }
    }

    private static boolean isVirtual() throws ReflectiveOperationException {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
        } catch (NoSuchMethodException beforeJava19) {
            return false;
        }
    }
}
