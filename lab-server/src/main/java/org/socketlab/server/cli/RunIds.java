package org.socketlab.server.cli;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.socketlab.engine.RunHandle;

/**
 * Run ids for the command line: random version-4 UUIDs, like the server's, drawn without
 * {@link java.security.SecureRandom}. Its seeding (the security providers, {@code /dev/urandom}) costs
 * 15-20 ms on a cold JVM, before the run's first step; the server keeps unguessable ids because it names
 * runs in its URLs, while a command-line run's id is only printed and written to its reports.
 */
final class RunIds {
    private RunIds() {
    }

    /** @return a handle for one run, with a new id */
    static RunHandle newHandle() {
        return new RunHandle(next().toString());
    }

    /** @return a random UUID of version 4, variant 2 (RFC 4122 §4.4) */
    static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
