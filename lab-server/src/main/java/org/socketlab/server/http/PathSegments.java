package org.socketlab.server.http;

/**
 * The decoded segments of a request's raw path, as the {@link Router} matches them: "/a%2Fb/c" is
 * ["a/b", "c"]. A path without percent-encoding, nearly every request's, is read where it lies: a
 * literal segment is compared in place and only a captured one becomes a string.
 */
final class PathSegments {
    private final String raw;
    // Without '%': where each segment starts, and one past the end of the path as the last entry.
    private final int[] starts;
    // With '%': the decoded segments.
    private final String[] decoded;

    private PathSegments(String raw, int[] starts, String[] decoded) {
        this.raw = raw;
        this.starts = starts;
        this.decoded = decoded;
    }

    /**
     * @param rawPath a path that starts with "/" (origin-form, or "/" for an absolute URI without one)
     * @throws HttpException 400 for a path that is not valid percent-encoded UTF-8
     */
    static PathSegments of(String rawPath) {
        int count = 1;
        for (int i = 1; i < rawPath.length(); i++) {
            if (rawPath.charAt(i) == '/') {
                count++;
            }
        }
        int[] starts = new int[count + 1];
        int at = 0;
        for (int i = 0; i < count; i++) {
            starts[i] = at + 1;
            at = i == count - 1 ? rawPath.length() : rawPath.indexOf('/', at + 1);
        }
        starts[count] = rawPath.length() + 1;
        if (rawPath.indexOf('%') < 0) {
            return new PathSegments(rawPath, starts, null);
        }
        String[] decoded = new String[count];
        for (int i = 0; i < count; i++) {
            decoded[i] = PercentDecoder.decodePath(rawPath.substring(starts[i], starts[i + 1] - 1));
        }
        return new PathSegments(rawPath, null, decoded);
    }

    int count() {
        return decoded != null ? decoded.length : starts.length - 1;
    }

    /** Whether segment i, decoded, is the literal. */
    boolean is(int i, String literal) {
        if (decoded != null) {
            return decoded[i].equals(literal);
        }
        int length = starts[i + 1] - 1 - starts[i];
        return length == literal.length() && raw.regionMatches(starts[i], literal, 0, length);
    }

    boolean isEmpty(int i) {
        return decoded != null ? decoded[i].isEmpty() : starts[i + 1] - 1 == starts[i];
    }

    /** Segment i, decoded. */
    String get(int i) {
        return decoded != null ? decoded[i] : raw.substring(starts[i], starts[i + 1] - 1);
    }
}
