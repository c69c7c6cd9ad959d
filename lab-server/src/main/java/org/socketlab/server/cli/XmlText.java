package org.socketlab.server.cli;

/** Makes any text fit in an XML 1.0 document, which cannot hold most control characters even escaped. */
final class XmlText {
    private XmlText() {
    }

    /**
     * @param text any text, possibly {@code null}
     * @return it with each character XML 1.0 forbids (XML 1.0 §2.2, "Char") shown as {@code \\uXXXX}; "" for null
     */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c) && pairedAt(text, i);
            if (allowed) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
