package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.engine.ConnectionIds;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

/** The {@code conn}, {@code offset}, {@code peer} and {@code peerConn} facts that sockets record. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ConnectionIdentityTest {
    private static final RunOptions SHORT = RunOptions.defaults().withIoTimeout(Duration.ofSeconds(5));

    @FunctionalInterface
    private interface Body {
        void run(RunContext context) throws Exception;
    }

    private record InlineCase(Body body) implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("inline-case").title("Inline").summary("A test case.")
                    .source("ConnectionIdentityTest").build();
        }

        @Override
        public void run(RunContext context) throws Exception {
            body.run(context);
        }
    }

    private static Transcript run(Body body) {
        Transcript transcript = CaseRunner.run(new InlineCase(body), Map.of(), SHORT);
        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        return transcript;
    }

    private static List<TranscriptEvent> events(Transcript t, String actor, EventKind kind) {
        return t.events().stream().filter(e -> e.actor().equals(actor) && e.kind() == kind).toList();
    }

    private static TranscriptEvent only(Transcript t, String actor, EventKind kind) {
        List<TranscriptEvent> found = events(t, actor, kind);
        assertEquals(1, found.size(), () -> actor + " " + kind + " in " + t.events());
        return found.get(0);
    }

    @Test
    void both_ends_share_the_conn_when_the_accept_is_recorded_after_the_clients_first_send() {
        Transcript t = run(context -> {
            try (TcpListener server = context.actor("Bob").listen()) {
                CountDownLatch sent = new CountDownLatch(1);
                Task<Void> alice = context.start("Alice", () -> {
                    try (TcpConnection client = context.actor("Alice").connect("127.0.0.1", server.port())) {
                        client.send("HELLO WORLD");
                        sent.countDown();
                        client.recv(16);
                    }
                });
                assertTrue(sent.await(5, TimeUnit.SECONDS));
                try (TcpConnection connection = server.accept()) {
                    connection.recv(64);
                }
                alice.join();
            }
        });

        TranscriptEvent connect = only(t, "Alice", EventKind.CONNECT);
        TranscriptEvent send = only(t, "Alice", EventKind.SEND);
        TranscriptEvent accept = only(t, "Bob", EventKind.ACCEPT);
        TranscriptEvent recv = only(t, "Bob", EventKind.RECV);
        assertTrue(t.events().indexOf(send) < t.events().indexOf(accept), "the accept came after the send");
        assertEquals(connect.conn(), accept.conn());
        assertEquals(connect.conn(), send.conn());
        assertEquals(connect.conn(), recv.conn());
        assertEquals(0L, send.offset());
        assertEquals(0L, recv.offset());
        assertEquals(11, recv.size());
        events(t, "Alice", EventKind.CLOSE).forEach(close -> assertEquals(connect.conn(), close.conn()));
        assertNull(accept.peer(), "the client is a lab socket");
    }

    @Test
    void split_reads_take_consecutive_offsets_and_each_direction_counts_its_own_bytes() {
        Transcript t = run(context -> {
            try (TcpListener server = context.actor("Bob").listen()) {
                CountDownLatch sent = new CountDownLatch(1);
                Task<Void> alice = context.start("Alice", () -> {
                    try (TcpConnection client = context.actor("Alice").connect("127.0.0.1", server.port())) {
                        client.send("HELLO WORLD");
                        client.send("!");
                        sent.countDown();
                        client.recvUntilClosed(4);
                    }
                });
                try (TcpConnection connection = server.accept()) {
                    assertTrue(sent.await(5, TimeUnit.SECONDS));
                    connection.recv(8);
                    connection.recv(8);
                    connection.send("OK!!!");
                }
                alice.join();
            }
        });

        List<TranscriptEvent> sends = events(t, "Alice", EventKind.SEND);
        assertEquals(List.of(0L, 11L), sends.stream().map(TranscriptEvent::offset).toList());
        List<TranscriptEvent> reads = events(t, "Bob", EventKind.RECV);
        long expected = 0;
        for (TranscriptEvent read : reads) {
            assertEquals(expected, read.offset());
            expected += read.size();
        }
        assertEquals(List.of(8, 4), reads.stream().map(TranscriptEvent::size).toList());
        assertEquals(0L, only(t, "Bob", EventKind.SEND).offset(), "the other direction starts at 0");
        List<TranscriptEvent> answers = events(t, "Alice", EventKind.RECV);
        assertEquals(5L, answers.get(answers.size() - 1).offset(), "the end of stream is at the stream's length");
        assertEquals(0, answers.get(answers.size() - 1).size());
    }

    @Test
    void a_partial_read_leaves_the_rest_of_the_send_unread_at_known_offsets() {
        Transcript t = run(context -> {
            try (TcpListener server = context.actor("Bob").listen()) {
                Task<Void> alice = context.start("Alice", () -> {
                    try (TcpConnection client = context.actor("Alice").connect("127.0.0.1", server.port())) {
                        client.send("HELLO WORLD");
                        client.send("never read");
                    }
                });
                alice.join();
                try (TcpConnection connection = server.accept()) {
                    connection.recv(8);
                }
            }
        });

        List<TranscriptEvent> sends = events(t, "Alice", EventKind.SEND);
        TranscriptEvent read = only(t, "Bob", EventKind.RECV);
        assertEquals(sends.get(0).conn(), read.conn());
        assertEquals(0L, read.offset());
        assertEquals(8, read.size());
        assertEquals("HELLO WO", read.text());
        long readUpTo = read.offset() + read.size();
        assertEquals(3, sends.get(0).offset() + sends.get(0).size() - readUpTo, "3 bytes of the first send unread");
        assertTrue(sends.get(1).offset() >= readUpTo, "the second send was never read");
    }

    @Test
    void a_client_outside_the_lab_gets_its_own_conn_and_the_peer_name_even_when_its_port_is_reused()
            throws Exception {
        Transcript t = run(context -> {
            try (TcpListener server = context.actor("Server").listen()) {
                server.namePeers("Your client");
                int port = -1;
                for (int i = 0; i < 2; i++) {
                    try (Socket outside = new Socket()) {
                        outside.setReuseAddress(true);
                        // Reset on close, so that no TIME_WAIT keeps the same pair of ports from connecting again.
                        outside.setSoLinger(true, 0);
                        outside.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Math.max(port, 0)));
                        port = outside.getLocalPort();
                        outside.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
                        outside.getOutputStream().write(("hi " + i).getBytes(StandardCharsets.UTF_8));
                        try (TcpConnection connection = server.accept()) {
                            connection.recv(16);
                        }
                    }
                }
            }
        });

        List<TranscriptEvent> accepts = events(t, "Server", EventKind.ACCEPT);
        assertEquals(2, accepts.size());
        assertEquals(accepts.get(0).remote(), accepts.get(1).remote(), "the same client port twice");
        assertNotEquals(accepts.get(0).conn(), accepts.get(1).conn());
        List<TranscriptEvent> reads = events(t, "Server", EventKind.RECV);
        for (int i = 0; i < 2; i++) {
            assertEquals("Your client", accepts.get(i).peer());
            assertEquals("Your client", reads.get(i).peer());
            assertEquals(accepts.get(i).conn(), reads.get(i).conn());
            assertEquals(0L, reads.get(i).offset());
        }
    }

    @Test
    void a_listener_for_lab_clients_only_turns_a_stranger_away_and_serves_the_lab_client_behind_it()
            throws Exception {
        int[] strangerRead = new int[1];
        Transcript t = run(context -> {
            try (TcpListener server = context.actor("Server").listen()) {
                server.acceptOnlyLabClients();
                // Both wait in the listen queue, the stranger first, as a port scan that came just before.
                try (Socket stranger = new Socket(InetAddress.getLoopbackAddress(), server.port());
                        TcpConnection client = context.actor("Client").connect("127.0.0.1", server.port())) {
                    client.send("hi");
                    try (TcpConnection accepted = server.accept()) {
                        accepted.recv(16);
                    }
                    stranger.setSoTimeout(5_000);
                    strangerRead[0] = stranger.getInputStream().read();
                }
            }
        });

        assertEquals(-1, strangerRead[0], "the stranger's connection was closed");
        List<TranscriptEvent> accepts = events(t, "Server", EventKind.ACCEPT);
        assertEquals(1, accepts.size(), "only the lab client was accepted");
        assertEquals(events(t, "Client", EventKind.CONNECT).get(0).conn(), accepts.get(0).conn());
        assertNull(accepts.get(0).peer());
        assertEquals("hi", events(t, "Server", EventKind.RECV).get(0).text());
        assertTrue(t.events().stream().anyMatch(e -> e.kind() == EventKind.NOTE
                && e.text().contains("that no socket of this run made")), "the stranger is noted");
    }

    @Test
    void a_port_used_again_by_a_lab_client_in_the_same_run_is_a_new_connection() {
        ConnectionIds ids = new ConnectionIds();
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
        InetSocketAddress client = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

        int first = ids.connecting(40000, server);
        ConnectionIds.Accepted firstAccept = ids.accepted(client, server);
        int second = ids.connecting(40000, server);
        ConnectionIds.Accepted secondAccept = ids.accepted(client, server);

        assertEquals(new ConnectionIds.Accepted(first, true), firstAccept);
        assertEquals(new ConnectionIds.Accepted(second, true), secondAccept);
        assertNotEquals(first, second);
        assertEquals(false, ids.accepted(client, server).peerInLab(), "a third accept has no lab client");
    }

    @Test
    void udp_datagrams_from_two_senders_name_each_senders_conn_and_an_outside_sender_by_name() {
        Transcript t = run(context -> {
            try (UdpEndpoint server = context.actor("Server").bindUdp(0)) {
                server.namePeers("Your client");
                for (String name : List.of("Alice", "Carol")) {
                    try (UdpEndpoint client = context.actor(name).udp()) {
                        client.send(name, "127.0.0.1", server.port());
                        Datagram got = server.receive(64);
                        server.reply(got, got.text().toUpperCase());
                        client.receive(64);
                    }
                }
                try (DatagramSocket outside = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    outside.send(new DatagramPacket(new byte[] {'x'}, 1, InetAddress.getLoopbackAddress(),
                            server.port()));
                    server.reply(server.receive(64), "X");
                }
            }
        });

        TranscriptEvent listen = only(t, "Server", EventKind.LISTEN);
        List<TranscriptEvent> reads = events(t, "Server", EventKind.RECV);
        List<TranscriptEvent> replies = events(t, "Server", EventKind.SEND);
        for (int i = 0; i < 2; i++) {
            String name = List.of("Alice", "Carol").get(i);
            TranscriptEvent send = only(t, name, EventKind.SEND);
            assertEquals(listen.conn(), send.peerConn(), "a send names the lab socket it went to");
            assertEquals(send.conn(), reads.get(i).peerConn(), "a recv names the lab socket that sent it");
            assertEquals(listen.conn(), reads.get(i).conn());
            assertEquals(send.conn(), replies.get(i).peerConn());
            assertEquals(replies.get(i).conn(), only(t, name, EventKind.RECV).peerConn());
            assertNull(reads.get(i).peer());
            assertNull(send.offset(), "datagrams have no stream offset");
        }
        assertNotEquals(only(t, "Alice", EventKind.SEND).conn(), only(t, "Carol", EventKind.SEND).conn());
        assertNull(reads.get(2).peerConn());
        assertEquals("Your client", reads.get(2).peer());
        assertEquals("Your client", replies.get(2).peer());
    }

    @Test
    void an_event_made_with_the_constructor_of_1_0_has_no_connection_facts_and_text_from_its_bytes() {
        byte[] bytes = "HELLO".getBytes(StandardCharsets.UTF_8);
        TranscriptEvent event = new TranscriptEvent(1.5, "Alice", EventKind.SEND, "tcp", "127.0.0.1:1",
                "127.0.0.1:2", null, 5, bytes, "HELLO");

        assertNull(event.conn());
        assertNull(event.offset());
        assertNull(event.peer());
        assertNull(event.peerConn());
        assertEquals("HELLO", event.text());
        assertEquals(event, new TranscriptEvent(1.5, "Alice", EventKind.SEND, "tcp", "127.0.0.1:1", "127.0.0.1:2",
                null, 5, bytes, null));
        assertEquals("a note", new TranscriptEvent(0, "Lab", EventKind.NOTE, null, null, null, null, null, null,
                "a note").text());
    }
}
