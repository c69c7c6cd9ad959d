package org.socketlab.server.http;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/** Counts connections per client address, up to a limit each. Thread-safe. */
final class ClientSlots {
    private final int maxPerClient;
    private final ConcurrentHashMap<InetAddress, Integer> counts = new ConcurrentHashMap<>();

    ClientSlots(int maxPerClient) {
        this.maxPerClient = maxPerClient;
    }

    /** @return whether the client had a slot left, now taken */
    boolean tryAcquire(InetAddress client) {
        boolean[] taken = {false};
        counts.compute(client, (address, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerClient) {
                return count;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    void release(InetAddress client) {
        // Removing the entry at zero keeps the map as small as the set of connected clients.
        counts.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
    }
}
