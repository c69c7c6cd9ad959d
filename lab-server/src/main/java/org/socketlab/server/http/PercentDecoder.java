package org.socketlab.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes percent-encoded UTF-8 (RFC 3986 §2.1) in paths and, with "+" as space, in queries. */
final class PercentDecoder {

    private PercentDecoder() {
    }

    /**
     * Decodes a path or path segment; "+" stays "+".
     *
     * @throws HttpException 400 for a malformed escape or bytes that are not UTF-8
     */
    static String decodePath(String s) {
        return decode(s, false);
    }

    /** Decodes a query name or value of application/x-www-form-urlencoded, where "+" is a space. */
    static String decodeQueryPart(String s) {
        return decode(s, true);
    }

    private static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        byte[] bytes = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int high = i + 2 < s.length() ? Grammar.hexValue(s.charAt(i + 1)) : -1;
                int low = high >= 0 ? Grammar.hexValue(s.charAt(i + 2)) : -1;
                if (low < 0 || s.charAt(i + 1) > 0x7F || s.charAt(i + 2) > 0x7F) {
                    throw new HttpException(Status.BAD_REQUEST, "the request target has a malformed percent-encoding");
                }
                bytes[n++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes[n++] = ' ';
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                int codePoint = s.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(encoded, 0, bytes, n, encoded.length);
                n += encoded.length;
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HttpException(Status.BAD_REQUEST, "the request target has percent-encoded bytes that are not UTF-8");
        }
    }
}
