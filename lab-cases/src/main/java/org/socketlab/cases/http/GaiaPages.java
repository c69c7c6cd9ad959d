package org.socketlab.cases.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.socketlab.cases.support.HttpMessages;

/**
 * The pages of gaia.cs.umass.edu that handout 002 downloads, answered as its Apache answers them: the
 * stand-in for that host serves these on loopback.
 */
final class GaiaPages {
    /** The remote host the handout's programs talk to; used as the Host header when the stand-in answers. */
    static final String HOST = "gaia.cs.umass.edu";
    static final String SMALL_PATH = "/wireshark-labs/INTRO-wireshark-file1.html";
    static final String LARGE_PATH = "/wireshark-labs/HTTP-wireshark-file3.html";
    /** The 81-byte page the handout's screenshot shows. */
    static final String SMALL_PAGE = "<html>\nCongratulations!  You've downloaded the first Wireshark lab file!\n</html>\n";
    /** The stand-in writes the large page in blocks of this size, one send each, as Apache writes a file. */
    static final int SEND_BLOCK_BYTES = 4096;
    /** The 4,500-byte page of the handout's screenshot (its response is 4,805 bytes with Apache's head). */
    static final String LARGE_PAGE_RESOURCE = "/org/socketlab/cases/pages/HTTP-wireshark-file3.html";


    private GaiaPages() {
    }

    /** @return the large page: the Bill of Rights page of the Wireshark labs, 4,500 bytes as on gaia */
    static String largePage() {
        try (InputStream in = GaiaPages.class.getResourceAsStream(LARGE_PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + LARGE_PAGE_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole response as gaia's Apache sends it: its header lines, then the page.
     *
     * @param page the body
     * @return status line, headers and body
     */
    static byte[] apacheResponse(String page) {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\n"
                + "Date: " + HttpMessages.date() + "\r\n"
                + "Server: Apache/2.4.6 (CentOS) OpenSSL/1.0.2k-fips PHP/7.4.33 mod_perl/2.0.11 Perl/v5.16.3\r\n"
                + "Last-Modified: Fri, 11 Jul 2025 05:59:01 GMT\r\n"
                + "ETag: \"" + Integer.toHexString(body.length) + "-639a101badc87\"\r\n"
                + "Accept-Ranges: bytes\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + "\r\n";
        return HttpMessages.message(head, body);
    }
}
