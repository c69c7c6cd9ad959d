package org.socketlab.server.api;

/** Makes client-supplied text safe to put in an error message: no control characters, bounded length. */
final class Printable {
    private static final int MAX_CHARS = 80;

    private Printable() {
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS));
        for (int i = 0; i < text.length() && out.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > MAX_CHARS ? out + "..." : out.toString();
    }
}
