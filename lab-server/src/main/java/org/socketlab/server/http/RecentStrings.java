package org.socketlab.server.http;

import java.nio.charset.StandardCharsets;

/**
 * The strings of request targets and header fields that come again and again (a client sends the same
 * Host, the same target, the same User-Agent on each request): a small table indexed by a hash of the
 * bytes hands back the string made the last time instead of a new one, so a keep-alive request of a
 * client that repeats itself allocates no string for them. A miss makes the string and takes the slot.
 *
 * <p>Any thread: strings are immutable and a slot is one reference, so a race between threads costs a
 * miss, never a wrong string. A client that sends ever-new values only ever misses, at the cost of the
 * string it needed anyway and a hash.
 */
final class RecentStrings {
    /** Always makes a new string: for parsers used without a server (tests, benchmarks). */
    static final RecentStrings NONE = new RecentStrings(0);

    private static final int DEFAULT_SLOTS = 512;
    // Longer values (cookies, long targets with queries) rarely repeat byte for byte; not worth comparing.
    private static final int MAX_BYTES = 96;

    private final String[] slots;

    private RecentStrings(int slots) {
        this.slots = new String[slots];
    }

    static RecentStrings create() {
        return new RecentStrings(DEFAULT_SLOTS);
    }

    /** The ISO-8859-1 string of buf[start, start+length), the one made last time if it is still here. */
    String latin1(byte[] buf, int start, int length) {
        if (slots.length == 0 || length > MAX_BYTES) {
            return new String(buf, start, length, StandardCharsets.ISO_8859_1);
        }
        int hash = length;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + buf[i];
        }
        int slot = (hash ^ hash >>> 16) & (slots.length - 1);
        String recent = slots[slot];
        if (recent != null && sameLatin1(recent, buf, start, length)) {
            return recent;
        }
        String made = new String(buf, start, length, StandardCharsets.ISO_8859_1);
        slots[slot] = made;
        return made;
    }

    private static boolean sameLatin1(String s, byte[] buf, int start, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != (buf[start + i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
