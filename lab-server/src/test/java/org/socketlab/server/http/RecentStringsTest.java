package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecentStringsTest {

    private final RecentStrings recent = RecentStrings.create();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void the_same_bytes_again_give_the_same_string() {
        byte[] first = bytes("GET /api/cases/missing-message HTTP/1.1");
        byte[] again = bytes("xx/api/cases/missing-message");

        String made = recent.latin1(first, 4, 26);

        assertEquals("/api/cases/missing-message", made);
        assertSame(made, recent.latin1(again, 2, 26));
    }

    @Test
    void never_gives_the_string_of_other_bytes_whatever_shares_its_slot() {
        // Far more values than slots: many share one; each answer must still be its own bytes.
        Map<String, String> given = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5_000; i++) {
                String value = "127.0.0." + (i % 256) + ":" + i;
                String got = recent.latin1(bytes(value), 0, value.length());
                assertEquals(value, got);
                given.put(value, got);
            }
        }
        assertEquals(5_000, given.size());
    }

    @Test
    void keeps_bytes_above_ascii_one_to_one() {
        byte[] obsText = {'c', 'a', 'f', (byte) 0xE9};

        String made = recent.latin1(obsText, 0, 4);

        assertEquals("caf\u00e9", made);
        assertSame(made, recent.latin1(obsText.clone(), 0, 4));
        assertNotSame(made, recent.latin1(new byte[] {'c', 'a', 'f', 'e'}, 0, 4));
    }

    @Test
    void makes_a_new_string_each_time_for_long_values_and_without_a_table() {
        String cookie = "session=" + "x".repeat(200);

        assertNotSame(recent.latin1(bytes(cookie), 0, cookie.length()), recent.latin1(bytes(cookie), 0, cookie.length()));
        assertNotSame(RecentStrings.NONE.latin1(bytes("Host"), 0, 4), RecentStrings.NONE.latin1(bytes("Host"), 0, 4));
        assertEquals("Host", RecentStrings.NONE.latin1(bytes("Host"), 0, 4));
    }
}
