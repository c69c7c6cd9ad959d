package org.socketlab.cases.support;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.socketlab.api.Actor;
import org.socketlab.api.Datagram;
import org.socketlab.api.Param;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.api.UdpEndpoint;

/**
 * Handout 004's four uppercase programs ({@code tcp_server.py}, {@code tcp_client.py}, {@code udp_server.py},
 * {@code udp_client.py}) as recorded actors, shared by the cases that run them in a different order or on
 * different ports. Each method does what the Python program does, line by line, and prints what it prints.
 */
public final class UppercasePrograms {
    /** What both servers print once they are bound. */
    public static final String READY = "The server is ready to receive";
    /** The clients' {@code raw_input} prompt; the console shows it followed by what the student typed. */
    public static final String PROMPT = "Input lowercase sentence:";
    /** What the TCP client prints before the reply ({@code print 'From Server:', modifiedSentence}). */
    public static final String FROM_SERVER = "From Server: ";
    /** {@code recv(1024)} in both TCP programs. */
    public static final int TCP_RECV_BYTES = 1024;
    /** {@code recvfrom(2048)} in both UDP programs. */
    public static final int UDP_RECV_BYTES = 2048;
    /** What Python 3 prints last when {@code connect} is refused on Linux. */
    public static final String REFUSED_OUTPUT = "ConnectionRefusedError: [Errno 111] Connection refused";
    /** What Python 2, the handout's, prints last when {@code connect} is refused on Linux. */
    public static final String REFUSED_OUTPUT_PYTHON2 = "socket.error: [Errno 111] Connection refused";
    /**
     * Which Python runs the programs: the handout runs them with Python 2 ({@code print 'x'}, {@code raw_input});
     * the two differ in how a refused connect is reported.
     */
    public static final Param<String> PYTHON = Param.choice("python", "2", List.of("2", "3"),
            "The Python that runs tcp_client.py: 2 as in the handout, or 3 (its error is worded differently)");

    /** The sentence the student types at the clients' {@code raw_input} prompt; never empty. */
    public static final Param<String> MESSAGE = Param.of("message", "hello world",
            "The sentence the student types at the client's prompt", UppercasePrograms::sentence);

    private UppercasePrograms() {
    }

    // The handout's prompt asks for a sentence; an empty one sends no bytes over TCP, for which its server
    // would wait forever.
    private static String sentence(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return text;
    }

    /**
     * Prints the traceback that {@code tcp_client.py} dies with when its {@code connect} (line 5) is refused,
     * as the chosen Python prints it: Python 2 goes through its socket module's wrapper and raises
     * {@code socket.error}, Python 3 raises {@code ConnectionRefusedError}.
     *
     * @param client who prints
     * @param python {@code "2"} or {@code "3"}, the {@link #PYTHON} parameter
     */
    public static void printRefused(Actor client, String python) {
        client.print("Traceback (most recent call last):");
        client.print("  File \"tcp_client.py\", line 5, in <module>");
        client.print("    clientSocket.connect((serverName,serverPort))");
        if ("3".equals(python)) {
            client.print(REFUSED_OUTPUT);
        } else {
            client.print("  File \"/usr/lib/python2.7/socket.py\", line 228, in meth");
            client.print("    return getattr(self._sock,name)(*args)");
            client.print(REFUSED_OUTPUT_PYTHON2);
        }
    }

    /**
     * Python 2's {@code str.upper()} on bytes in the C locale: {@code a}–{@code z} become {@code A}–{@code Z},
     * every other byte (capitals, digits, {@code &*!}, UTF-8 sequences) stays as it is.
     *
     * @param data the bytes
     * @return a new array
     */
    public static byte[] upper(byte[] data) {
        byte[] result = data.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] >= 'a' && result[i] <= 'z') {
                result[i] = (byte) (result[i] - ('a' - 'A'));
            }
        }
        return result;
    }

    /** @return {@link #upper(byte[])} of the text as UTF-8, decoded again */
    public static String upper(String text) {
        return new String(upper(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /**
     * {@code text} with every position where {@code sentence} has an {@code a}–{@code z} letter masked as
     * {@code _}: what an uppercase server must leave alone. For the sentence itself and for a correct reply
     * the two are equal ({@code Hello &*! World} → {@code H____ &*! W____}); a server that changes capitals,
     * digits or special characters, or adds or drops some, shows up in the difference.
     *
     * @param sentence the sentence the client sent
     * @param text     the sentence itself or the server's reply
     * @return the masked text, as long as {@code text}
     */
    public static String outsideLowercase(String sentence, String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char original = i < sentence.length() ? sentence.charAt(i) : 0;
            kept.append(original >= 'a' && original <= 'z' ? '_' : text.charAt(i));
        }
        return kept.toString();
    }

    /**
     * Records the two checks of an uppercase exchange: the whole reply, and the characters that must not
     * change.
     *
     * @param context the run
     * @param sentence what the client sent
     * @param reply what came back, or {@code null} when nothing did
     */
    public static void checkReply(RunContext context, String sentence, String reply) {
        String actual = reply == null ? "(no reply)" : reply.isEmpty() ? "(no reply: the connection was closed)" : reply;
        context.checkEquals("The reply is the sentence with a-z turned into A-Z", upper(sentence), actual);
        context.checkEquals("Capitals, digits and special characters come back unchanged",
                outsideLowercase(sentence, sentence), outsideLowercase(sentence, actual));
    }

    /**
     * Records what the lab's server checks of the student's own client in live mode: it sent a sentence, and
     * the server's one {@code recv}/{@code recvfrom} got it whole (a full buffer may have cut it). The
     * server has answered it in capitals by then.
     *
     * @param context    the run
     * @param sentence   what the server received from the student's client
     * @param bufferSize what the server's read asked for
     */
    public static void checkClientSentence(RunContext context, byte[] sentence, int bufferSize) {
        context.check("Your client sent a sentence", sentence.length > 0, "a sentence such as hello world",
                sentence.length == 0 ? "nothing: your client closed without sending"
                        : new String(sentence, StandardCharsets.UTF_8));
        if (sentence.length > 0) {
            context.check("Your client's sentence fits in the server's one read of " + bufferSize + " bytes",
                    sentence.length < bufferSize, "fewer than " + bufferSize + " bytes",
                    sentence.length + " bytes" + (sentence.length < bufferSize ? "" : ": the rest may be cut off"));
        }
    }

    /**
     * One turn of {@code tcp_server.py}'s loop: accept, {@code recv(1024)}, send it back in uppercase, close.
     *
     * @param context  the run
     * @param listener the server's listening socket; its actor serves
     * @return a task whose value is the sentence received, or {@code null} when the listener was closed
     *         before any client came (the client went elsewhere)
     */
    public static Task<String> serveTcpOnce(RunContext context, TcpListener listener) {
        return context.supply(listener.actor().name(), () -> {
            TcpConnection connection;
            try {
                connection = listener.accept();
            } catch (SocketException closedByTheCase) {
                return null;
            }
            try (connection) {
                return new String(answerTcp(connection), StandardCharsets.UTF_8);
            }
        });
    }

    /**
     * The body of {@code tcp_server.py}'s loop for one accepted connection: {@code recv(1024)}, send it back
     * in uppercase. The caller closes the connection.
     *
     * @param connection the accepted connection
     * @return the bytes received (empty when the client closed without sending)
     * @throws IOException if the connection failed (recorded)
     */
    public static byte[] answerTcp(TcpConnection connection) throws IOException {
        byte[] sentence = connection.recv(TCP_RECV_BYTES);
        connection.send(upper(sentence));
        return sentence;
    }

    /**
     * {@code tcp_client.py}: connect, read the sentence, send it, {@code recv(1024)}, print the reply, close.
     *
     * @param client   who runs it
     * @param host     the server's host
     * @param port     the server's port
     * @param sentence what the student types
     * @return the reply as text (empty if the server closed without one)
     * @throws java.net.ConnectException when nothing listens there (recorded as an error event)
     * @throws IOException for other failures (recorded)
     */
    public static String tcpClient(Actor client, String host, int port, String sentence) throws IOException {
        try (TcpConnection connection = client.connect(host, port)) {
            client.print(PROMPT + sentence);
            connection.send(sentence);
            String reply = connection.recvText(TCP_RECV_BYTES);
            client.print(FROM_SERVER + reply);
            return reply;
        }
    }

    /**
     * One turn of {@code udp_server.py}'s loop: {@code recvfrom(2048)}, send it back in uppercase to the sender.
     *
     * @param context the run
     * @param socket  the server's bound socket, with the time-out the case wants
     * @return a task whose value is the sentence received, or {@code null} when none came within the
     *         socket's time-out (the time-out is in the transcript)
     */
    public static Task<String> serveUdpOnce(RunContext context, UdpEndpoint socket) {
        return context.supply(socket.actor().name(), () -> {
            Datagram message;
            try {
                message = socket.receive(UDP_RECV_BYTES);
            } catch (SocketTimeoutException nothingCame) {
                return null;
            }
            socket.reply(message, upper(message.data()));
            return message.text();
        });
    }

    /**
     * {@code udp_client.py}: read the sentence, {@code sendto} the server, {@code recvfrom(2048)}, print it.
     * The Python client waits for the reply forever; this one waits for the socket's time-out.
     *
     * @param socket   the client's socket, with the time-out the case wants
     * @param host     the server's host
     * @param port     the server's port
     * @param sentence what the student types
     * @return the reply as text, or {@code null} when none came in time (the time-out is in the transcript)
     * @throws IOException if the socket failed (recorded)
     */
    public static String udpClient(UdpEndpoint socket, String host, int port, String sentence) throws IOException {
        Actor client = socket.actor();
        client.print(PROMPT + sentence);
        socket.send(sentence, host, port);
        try {
            String reply = socket.receive(UDP_RECV_BYTES).text();
            client.print(reply);
            return reply;
        } catch (SocketTimeoutException noReply) {
            return null;
        }
    }
}
