package org.socketlab.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RunIdsTest {
    @Test
    void ids_are_random_uuids_of_version_4_and_variant_2_like_the_servers() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            UUID id = RunIds.next();
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
            assertEquals(id, UUID.fromString(id.toString()));
            seen.add(id.toString());
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void a_handle_carries_a_new_id() {
        String first = RunIds.newHandle().runId();
        String second = RunIds.newHandle().runId();
        assertTrue(!first.equals(second), first);
        assertEquals(4, UUID.fromString(first).version());
    }
}
