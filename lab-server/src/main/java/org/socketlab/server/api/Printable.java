package org.socketlab.server.api;

/** Makes client-supplied text safe to put in an error message: no control characters; quoted values bounded. */
final class Printable {
    private static final int MAX_CHARS = 80;

    private Printable() {
    }

    /**
     * @param text a message that may hold client text
     * @return it whole, with control characters shown as '?': for messages, which are never cut
     */
    static String whole(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    /**
     * @param text client-supplied text quoted inside a message (an id, a field name)
     * @return it without control characters, shortened past 80 characters so the message stays readable
     */
    static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS));
        for (int i = 0; i < text.length() && out.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > MAX_CHARS ? out + "..." : out.toString();
    }
}
