package org.socketlab.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Shows bytes to a person: as quoted text when they are printable UTF-8, else as hex. */
final class Bytes {
    private static final int SHOWN = 200;

    private Bytes() {
    }

    /**
     * @return {@code 'text'} with line breaks escaped when the bytes are printable UTF-8, else
     *         {@code hex 48 45 4c ...}; long values are cut, saying how many bytes there were
     */
    static String quoted(byte[] bytes) {
        String text = text(bytes);
        if (text != null) {
            String escaped = text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
            return escaped.length() > SHOWN ? "'" + escaped.substring(0, SHOWN) + "...' (" + bytes.length + " bytes)"
                    : "'" + escaped + "'";
        }
        return hex(bytes);
    }

    /** @return {@code hex 00 ff ...}, cut after {@value #SHOWN} bytes */
    static String hex(byte[] bytes) {
        int shown = Math.min(bytes.length, SHOWN);
        String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, shown);
        return "hex " + hex + (shown < bytes.length ? " ... (" + bytes.length + " bytes)" : "");
    }

    /** @return the bytes as text when they are valid UTF-8 without control characters other than line breaks and tabs */
    static String text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return null;
            }
        }
        return text;
    }
}
