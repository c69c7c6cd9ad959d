package org.socketlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.socketlab.api.Program;
import org.socketlab.api.transcript.EventKind;

/** The line an event names when the case never placed its actor with {@link Actor#at}. */
class DefaultProgramLinesTest {
    private static final Program SERVER = Program.verbatim("Server", "tcp_server.py", "python", """
            import socket
            server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            server_socket.bind((HOST, PORT))
            server_socket.listen(5)
            print(f"TCP Server listening on {HOST}:{PORT}")
            while True:
                client_socket, client_address = server_socket.accept()
                print(f"\\nConnection #{connection_count} from {client_address}")
                data = client_socket.recv(1024)
                print(f"Received: {data.decode()}")
                print(data)
                client_socket.send(response.encode())
                # client_socket.close() was here
                client_socket.close()""");
    private static final Program UDP = Program.verbatim("Udp", "udp_server.py", "python", """
            serverSocket.bind(('10.0.2.15', serverPort))
            print "The server is ready to receive"
            message, clientAddress = serverSocket.recvfrom(2048)
            sentence = raw_input('Input lowercase sentence:')
            print ("Message from server : " + msg.strip().decode('ascii'))""");
    private final DefaultProgramLines lines = new DefaultProgramLines(List.of(SERVER, UDP,
            Program.verbatim("Twice", "a.py", "python", "s.recv(1)"),
            Program.verbatim("Twice", "b.py", "python", "s.recv(2)")));

    private Integer line(String actor, EventKind kind, String protocol, String text) {
        ProgramLine at = lines.of(actor, kind, protocol, text);
        return at == null ? null : at.line();
    }

    @Test
    void a_socket_event_names_the_one_line_making_that_call() {
        assertEquals(4, line("Server", EventKind.LISTEN, "tcp", null));
        assertEquals(7, line("Server", EventKind.ACCEPT, "tcp", null));
        assertEquals(9, line("Server", EventKind.RECV, "tcp", null));
        assertEquals(12, line("Server", EventKind.SEND, "tcp", null));
        assertEquals(14, line("Server", EventKind.CLOSE, "tcp", null), "the commented-out close does not count");
        assertEquals(1, line("Udp", EventKind.LISTEN, "udp", null), "a UDP socket listens where it binds");
    }

    @Test
    void an_output_line_names_the_print_whose_literals_it_shows() {
        assertEquals(5, line("Server", EventKind.OUTPUT, null, "TCP Server listening on 127.0.0.1:8080"));
        assertEquals(8, line("Server", EventKind.OUTPUT, null, "Connection #2 from ('127.0.0.1', 5000)"));
        assertEquals(10, line("Server", EventKind.OUTPUT, null, "Received: Hello"));
        assertEquals(11, line("Server", EventKind.OUTPUT, null, "b'raw'"), "only print(data) fits");
        assertNull(line("Server", EventKind.OUTPUT, null, ""), "an empty line could be any print's \\n");
        assertEquals(2, line("Udp", EventKind.OUTPUT, null, "The server is ready to receive"));
        assertEquals(4, line("Udp", EventKind.OUTPUT, null, "Input lowercase sentence:hello"), "a prompt prints");
        assertEquals(5, line("Udp", EventKind.OUTPUT, null, "Message from server : cse323"),
                "'ascii' is decode's argument, not printed text");
    }

    @Test
    void an_error_names_the_line_of_the_call_it_names() {
        assertEquals(9, line("Server", EventKind.ERROR, "tcp", "recv timed out after 300 ms"));
        assertEquals(3, line("Udp", EventKind.ERROR, "udp", "recvfrom timed out after 300 ms"));
        assertNull(line("Server", EventKind.ERROR, "tcp", "Connection refused"), "tcp_server.py has no connect");
    }

    @Test
    void no_line_without_one_program_or_one_candidate() {
        assertNull(line("Twice", EventKind.RECV, "tcp", null), "two programs: no guess");
        assertNull(line("Nobody", EventKind.RECV, "tcp", null));
        assertNull(line("Udp", EventKind.CLOSE, "udp", null), "udp_server.py never closes");
    }
}
