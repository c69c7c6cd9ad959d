package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FramedReadTest {

    /** The server sends {@code payload} and closes; the client reads it with {@code reader}. */
    private static Transcript exchange(byte[] payload, Inline.Body reader) {
        return Inline.run(context -> {
            try (TcpListener listener = context.actor("Server").listen()) {
                Task<Void> server = context.start("Server", () -> {
                    try (TcpConnection connection = listener.accept()) {
                        connection.send(payload);
                    }
                });
                reader.run(context);
                server.join();
            }
        });
    }

    private static TcpConnection connect(RunContext context) throws Exception {
        return context.actor("Client").connect("127.0.0.1", portOf(context));
    }

    private static int portOf(RunContext context) {
        return Integer.parseInt(context.events().get(0).local().split(":")[1]);
    }

    @Test
    void recvLine_returns_each_line_without_its_end_and_keeps_the_bytes_after_it_for_the_next_read() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Transcript transcript = exchange("HELLO\r\nWORLD\ntail".getBytes(StandardCharsets.UTF_8), context -> {
            try (TcpConnection client = connect(context)) {
                lines.add(client.recvLine());
                lines.add(client.recvLine());
                lines.add(new String(client.recv(100), StandardCharsets.UTF_8));
                lines.add(String.valueOf(client.recvLine()));
            }
        });

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        assertEquals(List.of("HELLO", "WORLD", "tail", "null"), lines);
        List<TranscriptEvent> recvs = Inline.events(transcript, "Client", EventKind.RECV);
        long bytesRead = recvs.stream().mapToLong(TranscriptEvent::size).sum();
        assertEquals(17, bytesRead, "every byte was read by a real, recorded recv");
        assertTrue(recvs.stream().allMatch(r -> r.requested() == 8192), "framed reads ask for 8192 bytes each");
        List<String> notes = Inline.texts(transcript, "Client", EventKind.NOTE);
        assertTrue(notes.get(0).startsWith("recvLine() returned 'HELLO\\r\\n' (7 bytes, from "), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("already received")), notes.toString());
    }

    @Test
    void recvLine_at_a_clean_end_of_stream_returns_null() {
        String[] line = {"not read"};
        Transcript transcript = exchange(new byte[0], context -> {
            try (TcpConnection client = connect(context)) {
                line[0] = client.recvLine();
            }
        });
        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        assertNull(line[0]);
    }

    @Test
    void a_close_in_the_middle_of_a_line_is_an_eof_error_in_the_transcript() {
        Throwable[] failure = new Throwable[1];
        Transcript transcript = exchange("no end".getBytes(StandardCharsets.UTF_8), context -> {
            try (TcpConnection client = connect(context)) {
                failure[0] = assertThrows(EOFException.class, client::recvLine);
            }
        });
        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        assertEquals("recvLine(): the peer closed after 6 bytes, before '\\n' came", failure[0].getMessage());
        assertEquals(List.of(failure[0].getMessage()), Inline.texts(transcript, "Client", EventKind.ERROR));
    }

    @Test
    void an_http_head_and_its_body_read_with_recvUntil_and_recvExactly_reads_nothing_past_the_body() {
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        String[] head = new String[1];
        byte[][] body = new byte[1][];
        Transcript transcript = exchange(response.getBytes(StandardCharsets.US_ASCII), context -> {
            try (TcpConnection client = connect(context)) {
                head[0] = client.recvUntil("\r\n\r\n");
                body[0] = client.recvExactly(5);
            }
        });

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        assertEquals("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", head[0]);
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), body[0]);
    }

    @Test
    void recvExactly_asks_each_recv_for_only_the_missing_bytes_and_a_short_stream_is_an_eof_error() {
        Throwable[] failure = new Throwable[1];
        Transcript transcript = exchange(new byte[] {1, 2, 3}, context -> {
            try (TcpConnection client = connect(context)) {
                failure[0] = assertThrows(EOFException.class, () -> client.recvExactly(4));
            }
        });

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        assertEquals("recvExactly(4): the peer closed after 3 of 4 bytes", failure[0].getMessage());
        List<TranscriptEvent> recvs = Inline.events(transcript, "Client", EventKind.RECV);
        assertEquals(4, recvs.get(0).requested());
        assertEquals(4 - recvs.get(0).size(), recvs.get(1).requested());
        assertEquals(List.of("recvExactly(4): the peer closed after 3 of 4 bytes"),
                Inline.texts(transcript, "Client", EventKind.ERROR));
    }

    @Test
    void unflushed_bytes_of_the_buffered_output_are_not_sent_and_the_transcript_says_so() {
        Transcript transcript = Inline.run(context -> {
            try (TcpListener listener = context.actor("Server").listen()) {
                Task<Void> server = context.start("Server", () -> {
                    try (TcpConnection connection = listener.accept()) {
                        connection.send("ready\n");
                        connection.recvUntilClosed(100);
                    }
                });
                try (TcpConnection client = context.actor("Client").connect("127.0.0.1", listener.port())) {
                    BufferedOutput out = client.buffered();
                    out.write("GET / ");
                    out.write("HTTP/1.0\r\n");
                    assertEquals(16, out.pending());
                    client.recvLine();
                    out.flush();
                    out.write("forgotten");
                }
                server.join();
            }
        });

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        List<TranscriptEvent> sends = Inline.events(transcript, "Client", EventKind.SEND);
        assertEquals(1, sends.size(), "two writes and one flush are one send; the unflushed write is none");
        assertEquals("GET / HTTP/1.0\r\n", sends.get(0).text());
        List<String> notes = Inline.texts(transcript, "Client", EventKind.NOTE);
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("waits in recv while 16 bytes")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("'forgotten' was never sent")), notes.toString());
    }
}
