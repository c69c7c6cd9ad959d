package org.socketlab.cases.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.socketlab.api.Actor;
import org.socketlab.api.Param;
import org.socketlab.api.Program;
import org.socketlab.api.TcpConnection;
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
    /** The {@code host} parameter of the cases that GET these pages: empty asks the stand-in. */
    static final Param<String> HOST_PARAM = Param.of("host", "",
            "Web server to ask; empty: a stand-in for gaia.cs.umass.edu on loopback", HttpTargets::host);
    /** The {@code port} parameter that goes with {@link #HOST_PARAM}. */
    static final Param<Integer> PORT_PARAM = Param.integer("port", 80, 1, 65_535,
            "Port of the web server named by host (the stand-in picks its own)");


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

    /**
     * What simple_get.py and large_file_get.py do before their first recv: print the request line and the
     * {@code Host} line (as the handout's screenshots show them, with no blank line after), connect, send
     * the request. Each step names its line of {@code program}.
     *
     * @param client          who runs the program
     * @param program         simple_get.py or large_file_get.py
     * @param host            where to connect
     * @param port            its port
     * @param path            the page's path
     * @param hostHeader      the {@code Host} value, without a space after the colon as in the handout
     * @param connectionClose add {@code Connection: close} (the handout's programs do not)
     * @return the connection, the request sent, positioned on the program's recv line
     * @throws IOException if the connect or the send failed (recorded)
     */
    static TcpConnection sendGet(Actor client, Program program, String host, int port, String path, String hostHeader,
                                 boolean connectionClose) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost:" + hostHeader + "\r\n"
                + (connectionClose ? "Connection: close\r\n" : "") + "\r\n";
        client.at(program, "print(f\"Request:").print("Request: GET " + path + " HTTP/1.1");
        client.at(program, "print(f\"Host:").print("Host:" + hostHeader);
        TcpConnection socket = client.at(program, "sock.connect").connect(host, port);
        try {
            client.at(program, "sock.send");
            socket.send(request);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        client.at(program, "sock.recv");
        return socket;
    }
}
