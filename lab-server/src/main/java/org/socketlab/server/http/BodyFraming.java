package org.socketlab.server.http;

/** Decides from the header fields how long a request body is (RFC 9112 §6.3). */
final class BodyFraming {

    /** The declared length of a body sent with the chunked transfer coding. */
    static final long CHUNKED = -1;

    // 10^18 - 1: a Content-Length of more digits is too large for any limit and for a long.
    private static final int MAX_LENGTH_DIGITS = 18;

    private BodyFraming() {
    }

    /**
     * The body length: a number of bytes (0 when none is declared, RFC 9112 §6.3 item 7), or
     * {@link #CHUNKED}.
     *
     * @throws HttpException 400 for conflicting or invalid framing, 501 for a transfer coding
     *                       other than chunked, 413 for a Content-Length above maxBodyBytes
     */
    static long declaredLength(Headers headers, boolean http11, long maxBodyBytes) {
        boolean hasTransferEncoding = headers.contains("Transfer-Encoding");
        boolean hasContentLength = headers.contains("Content-Length");
        if (hasTransferEncoding) {
            if (hasContentLength) {
                // RFC 9112 §6.3 item 3: both together may be an attempt at request smuggling and
                // ought to be handled as an error; we reject rather than let TE win.
                throw bad("a request must not have both Transfer-Encoding and Content-Length");
            }
            if (!http11) {
                // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 message means faulty framing.
                throw bad("Transfer-Encoding is not valid in an HTTP/1.0 request");
            }
            checkChunkedOnly(headers);
            return CHUNKED;
        }
        return hasContentLength ? contentLength(headers, maxBodyBytes) : 0;
    }

    private static void checkChunkedOnly(Headers headers) {
        int chunked = 0;
        boolean unknown = false;
        for (String value : headers.all("Transfer-Encoding")) {
            for (String coding : value.split(",", -1)) {
                String name = coding.strip();
                if (name.equalsIgnoreCase("chunked")) {
                    chunked++;
                } else if (!name.isEmpty()) {
                    unknown = true;
                }
            }
        }
        if (unknown) {
            // RFC 9112 §6.1: a transfer coding the server does not understand → 501. Taken before
            // the 400 of §6.3 item 4 for "gzip" alone; the connection is closed either way, so
            // the framing is never guessed.
            throw new HttpException(Status.NOT_IMPLEMENTED, "this server only implements the chunked transfer coding");
        }
        if (chunked != 1) {
            // RFC 9112 §7: chunked is applied exactly once.
            throw bad("Transfer-Encoding must be chunked, applied once");
        }
    }

    private static long contentLength(Headers headers, long maxBodyBytes) {
        long length = -1;
        for (String value : headers.all("Content-Length")) {
            int start = 0;
            while (start <= value.length()) {
                int end = value.indexOf(',', start);
                if (end < 0) {
                    end = value.length();
                }
                long element = parseLength(value, start, end, maxBodyBytes);
                // RFC 9112 §6.3 item 5: repeated values are accepted only if all are the same.
                if (length >= 0 && element != length) {
                    throw bad("the request has differing Content-Length values");
                }
                length = element;
                start = end + 1;
            }
        }
        return length;
    }

    private static long parseLength(String value, int start, int end, long maxBodyBytes) {
        while (start < end && Grammar.isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && Grammar.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw bad("the Content-Length is empty");
        }
        long length = 0;
        int significantDigits = 0;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                // RFC 9110 §8.6: Content-Length = 1*DIGIT; no sign, no spaces, no hex.
                throw bad("the Content-Length is not a decimal number");
            }
            if (length > 0 || c != '0') {
                significantDigits++;
            }
            if (significantDigits <= MAX_LENGTH_DIGITS) {
                length = length * 10 + (c - '0');
            }
        }
        boolean tooLarge = significantDigits > MAX_LENGTH_DIGITS;
        if (tooLarge || length > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
        return length;
    }

    static HttpException tooLarge(long maxBodyBytes) {
        return new HttpException(Status.PAYLOAD_TOO_LARGE, "the request body is larger than " + maxBodyBytes + " bytes");
    }

    private static HttpException bad(String message) {
        return new HttpException(Status.BAD_REQUEST, message);
    }
}
