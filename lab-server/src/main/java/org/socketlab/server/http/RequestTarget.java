package org.socketlab.server.http;

/** Splits a request-target (RFC 9112 §3.2) into its still-encoded path and query. */
final class RequestTarget {

    private RequestTarget() {
    }

    /** The path of the target, percent-encoded as received: "/" for an absolute URI without one. */
    static String rawPath(String target) {
        int start = target.startsWith("/") || target.equals("*") ? 0 : absoluteFormPathStart(target);
        if (start < 0) {
            return target;
        }
        int query = target.indexOf('?', start);
        String path = query < 0 ? target.substring(start) : target.substring(start, query);
        return path.isEmpty() ? "/" : path;
    }

    /** The query of the target after "?", or null if it has none. */
    static String rawQuery(String target) {
        int query = target.indexOf('?');
        return query < 0 ? null : target.substring(query + 1);
    }

    /**
     * Where the path starts in an absolute-form target "http://authority/path?query" (the length
     * of the target if it has no path), or -1 if the target is not an http or https URI with a
     * non-empty authority.
     */
    static int absoluteFormPathStart(String target) {
        int schemeEnd;
        if (target.regionMatches(true, 0, "http://", 0, 7)) {
            schemeEnd = 7;
        } else if (target.regionMatches(true, 0, "https://", 0, 8)) {
            schemeEnd = 8;
        } else {
            return -1;
        }
        int i = schemeEnd;
        while (i < target.length() && target.charAt(i) != '/' && target.charAt(i) != '?') {
            if (!Grammar.isHostChar(target.charAt(i)) && target.charAt(i) != '@') {
                return -1;
            }
            i++;
        }
        return i == schemeEnd ? -1 : i;
    }
}
