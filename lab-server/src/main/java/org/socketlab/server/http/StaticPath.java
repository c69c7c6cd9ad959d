package org.socketlab.server.http;

/** Turns a request path into a resource name under the static root, or refuses it. */
final class StaticPath {

    private StaticPath() {
    }

    /**
     * The relative resource name for a raw (still percent-encoded) request path, or null if the
     * path cannot name a file under the root. Each segment is decoded exactly once and then
     * checked, so encoded separators and dot-segments ("%2e%2e", "%2f", "%5c") are caught after
     * decoding, and double encodings ("%252e") stay literal, harmless names.
     *
     * @param index the name served for "/"
     * @throws HttpException 400 if a segment is not valid percent-encoded UTF-8
     */
    static String resolve(String rawPath, String index) {
        if (rawPath.equals("/")) {
            return index;
        }
        if (!rawPath.startsWith("/")) {
            return null;
        }
        StringBuilder name = new StringBuilder(rawPath.length());
        for (String segment : rawPath.substring(1).split("/", -1)) {
            // Empty segments ("//", a trailing "/" naming a folder) never name a file.
            if (segment.isEmpty() || segment.indexOf('\\') >= 0) {
                return null;
            }
            String decoded = PercentDecoder.decodePath(segment);
            if (!isPlainName(decoded)) {
                return null;
            }
            name.append(name.length() == 0 ? "" : "/").append(decoded);
        }
        return name.toString();
    }

    private static boolean isPlainName(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '/' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
