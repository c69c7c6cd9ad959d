package org.socketlab.server.http;

/** Character classes of the HTTP grammar, as lookup tables indexed by byte value. */
final class Grammar {

    private static final boolean[] TCHAR = new boolean[256];
    private static final boolean[] TARGET_CHAR = new boolean[256];
    private static final boolean[] FIELD_VALUE_CHAR = new boolean[256];
    private static final boolean[] HOST_CHAR = new boolean[256];
    private static final int[] HEX_VALUE = new int[256];

    static {
        // RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
        // "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        // RFC 9112 §3.2: the target is a URI reference, so visible US-ASCII only; a fragment
        // ("#") is never sent in a request-target (RFC 9110 §7.1). Characters browsers send
        // unencoded despite RFC 3986 ("|", "{", "\" ...) are accepted here and judged later.
        for (int c = 0x21; c < 0x7F; c++) {
            TARGET_CHAR[c] = c != '#';
        }
        // RFC 9110 §5.5: field-vchar = VCHAR / obs-text, with SP and HTAB inside the value.
        for (int c = 0x20; c < 0x100; c++) {
            FIELD_VALUE_CHAR[c] = c != 0x7F;
        }
        FIELD_VALUE_CHAR['\t'] = true;
        // RFC 3986 §3.2.2-3.2.3: reg-name, IP literals and port, written with unreserved,
        // sub-delims, pct-encoded, ":" and the brackets of an IP literal.
        for (char c : "-._~!$&'()*+,;=:[]%".toCharArray()) {
            HOST_CHAR[c] = true;
        }
        for (int c = 0; c < 256; c++) {
            HOST_CHAR[c] |= Character.isLetterOrDigit(c) && c < 0x80;
            HEX_VALUE[c] = Character.digit(c, 16);
        }
    }

    private Grammar() {
    }

    static boolean isTokenChar(int b) {
        return TCHAR[b & 0xFF];
    }

    static boolean isTargetChar(int b) {
        return TARGET_CHAR[b & 0xFF];
    }

    static boolean isFieldValueChar(int b) {
        return FIELD_VALUE_CHAR[b & 0xFF];
    }

    static boolean isHostChar(int b) {
        return HOST_CHAR[b & 0xFF];
    }

    /** The value of a hex digit, or -1. */
    static int hexValue(int b) {
        return HEX_VALUE[b & 0xFF];
    }

    static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t';
    }

    static boolean isToken(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !TCHAR[c]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a string may be sent as a field value: no CR, LF, NUL or other controls but HTAB. */
    static boolean isFieldValue(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !FIELD_VALUE_CHAR[c]) {
                return false;
            }
        }
        return true;
    }
}
