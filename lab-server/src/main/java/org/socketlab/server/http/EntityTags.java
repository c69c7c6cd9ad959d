package org.socketlab.server.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Makes and compares entity tags (RFC 9110 §8.8.3). */
final class EntityTags {

    // 128 bits of SHA-256: collisions between versions of a file are out of reach, and the tag
    // stays short.
    private static final int TAG_BYTES = 16;

    private EntityTags() {
    }

    /** A strong tag, a hash of the bytes, quoted: {@code "3f2a..."}. */
    static String strongTagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + HexFormat.of().formatHex(digest, 0, TAG_BYTES) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether an If-None-Match value ("*" or a list of entity tags) matches the tag, using the
     * weak comparison that RFC 9110 §13.1.2 prescribes for If-None-Match.
     */
    static boolean anyMatches(String ifNoneMatch, String tag) {
        String value = ifNoneMatch.strip();
        if (value.equals("*")) {
            return true;
        }
        int i = 0;
        int length = value.length();
        while (i < length) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (value.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= length || value.charAt(i) != '"') {
                return false;
            }
            int close = value.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            if (value.regionMatches(i, tag, 0, tag.length()) && close + 1 - i == tag.length()) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }
}
