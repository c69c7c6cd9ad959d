package org.socketlab.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings of request targets and header fields that come again and again (a client sends the same
 * Host, the same target, the same User-Agent on each request): a small table indexed by a hash of the
 * bytes (512 slots, two per set) hands back the string made the last time instead of a new one, so a
 * keep-alive request of a client that repeats itself allocates no string for them. A miss makes the
 * string and takes a slot.
 *
 * <p>Any thread: entries are immutable and a slot is one reference, so a race between threads costs a
 * miss, never a wrong string. A client that sends ever-new values only ever misses, at the cost of a copy
 * of the bytes besides the string it needed anyway; the table never holds more than 512 short values.
 */
final class RecentStrings {
    /** Always makes a new string: for parsers used without a server (tests, benchmarks). */
    static final RecentStrings NONE = new RecentStrings(0);

    private static final int DEFAULT_SLOTS = 512;
    // Longer values (cookies, long targets with queries) rarely repeat byte for byte; not worth comparing.
    private static final int MAX_BYTES = 96;

    // A slot holds the bytes it was made from, to compare with Arrays.equals (vectorized) rather than a char at
    // a time.
    private record Entry(byte[] bytes, String string) {
    }

    private final Entry[] slots;

    private RecentStrings(int slots) {
        this.slots = new Entry[slots];
    }

    static RecentStrings create() {
        return new RecentStrings(DEFAULT_SLOTS);
    }

    /** The ISO-8859-1 string of buf[start, start+length), the one made last time if it is still here. */
    String latin1(byte[] buf, int start, int length) {
        if (slots.length == 0 || length > MAX_BYTES) {
            return new String(buf, start, length, StandardCharsets.ISO_8859_1);
        }
        // Two ways per set: two hot values that hash alike both stay, instead of taking turns in one slot.
        int set = hash(buf, start, length) & (slots.length - 2);
        for (int way = set; way < set + 2; way++) {
            Entry recent = slots[way];
            if (recent != null && recent.bytes.length == length
                    && Arrays.equals(recent.bytes, 0, length, buf, start, start + length)) {
                return recent.string;
            }
        }
        String made = new String(buf, start, length, StandardCharsets.ISO_8859_1);
        slots[set + 1] = slots[set];
        slots[set] = new Entry(Arrays.copyOfRange(buf, start, start + length), made);
        return made;
    }

    /**
     * The length and the first and last eight bytes: values that differ only in between share a set, which
     * costs misses past two of them, never a wrong string; hashing every byte cost more than it saved.
     */
    private static int hash(byte[] buf, int start, int length) {
        int hash = length;
        int head = Math.min(length, 8);
        for (int i = start; i < start + head; i++) {
            hash = 31 * hash + buf[i];
        }
        for (int i = Math.max(start + head, start + length - 8); i < start + length; i++) {
            hash = 31 * hash + buf[i];
        }
        return hash ^ hash >>> 16;
    }
}
