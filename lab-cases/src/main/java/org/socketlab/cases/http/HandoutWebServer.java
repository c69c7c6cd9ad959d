package org.socketlab.cases.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.socketlab.api.Actor;
import org.socketlab.api.Program;
import org.socketlab.api.TcpConnection;

/**
 * The web server of handouts 003 and 004 ({@code web_server.py}, the completed skeleton), serving a small
 * virtual folder instead of the files beside the script, so that a run never touches the disk.
 */
final class HandoutWebServer {
    /** The file the handout puts next to the server. */
    static final String HELLO_FILE = "HelloWorld.html";
    static final String HELLO_PAGE = "<html><head><title>Hello World</title></head>"
            + "<body><h1>Hello World!</h1><p>This file was sent by the web server.</p></body></html>\n";
    /** The server's folder: file name → content. */
    static final Map<String, String> FOLDER = Map.of(
            HELLO_FILE, HELLO_PAGE,
            "about.html", "<html><head><title>About</title></head><body><p>A second file in the folder.</p></body></html>\n");
    /** The one header line of the skeleton, followed by the blank line that ends the head. */
    static final String OK_HEAD = "HTTP/1.1 200 OK\r\n\r\n";
    static final String NOT_FOUND_HEAD = "HTTP/1.1 404 Not Found\r\n\r\n";
    /**
     * The handout's 404 page byte for byte, typo included: its skeleton sends {@code <bdy>}, not {@code <body>}.
     * Browsers forgive it (an unknown element inside an implied body), so the page still shows the heading.
     */
    static final String NOT_FOUND_PAGE = "<html><head></head><bdy><h1>404 Not Found</h1></bdy></html>\r\n";

    private HandoutWebServer() {
    }

    /**
     * Serves one connection as the skeleton does: one {@code recv(1024)}, the file named by the request's
     * path, or 404; then closes the connection.
     *
     * @param connection an accepted connection
     * @param byCharacter send the file one character per send, as the skeleton's loop does; else one send
     * @param program the server's program, whose lines the events name
     * @return the request as received
     * @throws IOException if the connection fails
     */
    static byte[] serve(TcpConnection connection, boolean byCharacter, Program program)
            throws IOException, InterruptedException {
        return serve(connection, byCharacter, 0, program);
    }

    /**
     * Like {@link #serve(TcpConnection, boolean)}, taking {@code workMillis} between the request and the
     * answer, as a server does that reads a large file from a slow disk.
     *
     * @param workMillis how long answering takes, 0 for at once
     * @return the request as received
     */
    static byte[] serve(TcpConnection connection, boolean byCharacter, int workMillis, Program program)
            throws IOException, InterruptedException {
        Actor server = connection.actor();
        // The close is the first connectionSocket.close() after the answer's last send, in either branch.
        int answered = 0;
        try {
            server.at(program, "connectionSocket.recv(1024)");
            byte[] request = connection.recv(1024);
            String message = new String(request, StandardCharsets.UTF_8);
            if (workMillis > 0) {
                Thread.sleep(workMillis);
            }
            String[] words = message.trim().split("\\s+");
            if (words.length < 2) {
                // message.split()[1] would raise IndexError here; the lab drops the connection instead.
                connection.actor().note("The request has no path: the connection is closed without an answer.");
                return request;
            }
            String filename = words[1];
            // f = open(filename[1:]): the path without its leading '/' names a file in the server's folder.
            String outputdata = filename.isEmpty() ? null : FOLDER.get(filename.substring(1));
            if (outputdata == null) {
                server.at(program, "404 Not Found\\r\\n\\r\\n");
                connection.send(NOT_FOUND_HEAD);
                answered = program.lineOf("<bdy>");
                server.at(program, answered);
                connection.send(NOT_FOUND_PAGE);
                return request;
            }
            server.at(program, "200 OK");
            connection.send(OK_HEAD);
            server.at(program, "send(outputdata[i])");
            if (byCharacter) {
                for (int i = 0; i < outputdata.length(); i++) {
                    connection.send(String.valueOf(outputdata.charAt(i)));
                }
            } else {
                connection.send(outputdata);
            }
            answered = program.lineOf("send(\"\\r\\n\")");
            server.at(program, answered);
            connection.send("\r\n");
            return request;
        } finally {
            if (answered > 0) {
                server.at(program, lineAfter(program, answered, "connectionSocket.close()"));
            }
            connection.close();
        }
    }

    /** @return the bytes of a file of the folder as the server sends them after the head */
    static byte[] sentBody(String fileName) {
        return (FOLDER.get(fileName) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Prints the "Ready to serve..." line of the server's loop; the accept that follows it names its line.
     *
     * @param server the server actor
     * @param program the server's program
     */
    static void ready(Actor server, Program program) {
        server.at(program, "Ready to serve").print("Ready to serve...");
        server.at(program, ".accept()");
    }

    private static int lineAfter(Program program, int after, String fragment) {
        java.util.List<String> lines = program.lines();
        for (int i = after; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        return after;
    }
}
