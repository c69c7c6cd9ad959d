package org.socketlab.server.http;

/**
 * Validates the chunk extensions after a chunk size; their meaning is ignored, as RFC 9112 §7.1.1
 * lets a recipient do, but their syntax is checked so that a malformed line is never skipped over.
 */
final class ChunkExtensions {

    private ChunkExtensions() {
    }

    /**
     * Checks buf[from, end) against
     * {@code *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )}, where
     * {@code chunk-ext-val = token / quoted-string}.
     *
     * @throws HttpException 400 if it does not match
     */
    static void check(byte[] buf, int from, int end) {
        int i = skipWhitespace(buf, from, end);
        while (i < end) {
            if (buf[i] != ';') {
                throw BodyReader.bad("a chunk size is followed by something other than an extension");
            }
            i = skipWhitespace(buf, i + 1, end);
            int nameEnd = skipToken(buf, i, end);
            if (nameEnd == i) {
                throw BodyReader.bad("a chunk extension has no name");
            }
            i = skipWhitespace(buf, nameEnd, end);
            if (i < end && buf[i] == '=') {
                i = skipWhitespace(buf, i + 1, end);
                i = i < end && buf[i] == '"' ? skipQuotedString(buf, i, end) : skipNonEmptyToken(buf, i, end);
                i = skipWhitespace(buf, i, end);
            }
        }
    }

    private static int skipQuotedString(byte[] buf, int i, int end) {
        // RFC 9110 §5.6.4: DQUOTE *( qdtext / quoted-pair ) DQUOTE
        i++;
        while (i < end) {
            byte b = buf[i];
            if (b == '"') {
                return i + 1;
            }
            if (b == '\\') {
                i++;
                if (i == end || !Grammar.isFieldValueChar(buf[i])) {
                    break;
                }
            } else if (!Grammar.isFieldValueChar(b)) {
                break;
            }
            i++;
        }
        throw BodyReader.bad("a chunk extension has a malformed quoted value");
    }

    private static int skipNonEmptyToken(byte[] buf, int i, int end) {
        int tokenEnd = skipToken(buf, i, end);
        if (tokenEnd == i) {
            throw BodyReader.bad("a chunk extension has an empty value");
        }
        return tokenEnd;
    }

    private static int skipToken(byte[] buf, int i, int end) {
        while (i < end && Grammar.isTokenChar(buf[i])) {
            i++;
        }
        return i;
    }

    private static int skipWhitespace(byte[] buf, int i, int end) {
        while (i < end && Grammar.isWhitespace(buf[i])) {
            i++;
        }
        return i;
    }
}
