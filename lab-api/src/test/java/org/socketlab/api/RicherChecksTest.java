package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RicherChecksTest {

    private static Check only(Inline.Body body) {
        List<Check> checks = Inline.run(body).checks();
        assertEquals(1, checks.size());
        return checks.get(0);
    }

    @Test
    void a_list_check_names_what_is_missing_and_what_is_extra() {
        Check check = only(c -> c.checkList("lines", List.of("a", "b", "c"), List.of("a", "c", "d")));
        assertEquals(new Check("lines", false, "[a, b, c]", "[a, c, d] (missing: b; extra: d)"), check);
        Check order = only(c -> c.checkList("lines", List.of("a", "b"), List.of("b", "a")));
        assertEquals("[b, a] (the same items in another order)", order.actual());
        assertTrue(only(c -> c.checkList("lines", List.of("a"), List.of("a"))).passed());
    }

    @Test
    void a_same_items_check_ignores_order_but_counts_repeats() {
        assertTrue(only(c -> c.checkSameItems("clients", Set.of(1, 2), List.of(2, 1))).passed());
        Check check = only(c -> c.checkSameItems("clients", List.of(1, 2), List.of(2, 2)));
        assertEquals("[2, 2] (missing: 1; extra: 2)", check.actual());
    }

    @Test
    void a_group_check_is_one_check_naming_the_first_failing_members() {
        List<Integer> clients = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Check check = only(c -> c.checkAll("every client got 3 lines", clients, n -> n <= 3,
                n -> "Client " + n + " got 2"));
        assertEquals(new Check("every client got 3 lines", false, "all 10", "3 of 10; not: Client 4 got 2, Client 5 "
                + "got 2, Client 6 got 2, Client 7 got 2, Client 8 got 2 and 2 more"), check);
        assertTrue(only(c -> c.checkAll("all small", clients, n -> n < 11, String::valueOf)).passed());
    }

    @Test
    void binary_payloads_are_shown_as_hex_with_the_first_difference() {
        Check check = only(c -> c.checkBytes("the DNS header", new byte[] {0x12, 0x34, (byte) 0x81, (byte) 0x80},
                new byte[] {0x12, 0x34, 0x01, 0x00}));
        assertEquals(new Check("the DNS header", false, "hex 12 34 81 80 (4 bytes)",
                "hex 12 34 01 00 (4 bytes) (differs from byte 2)"), check);
        Check text = only(c -> c.checkBytes("reply", "OK\n".getBytes(), "OK\n".getBytes()));
        assertEquals(new Check("reply", true, "'OK\\n' (3 bytes)", "'OK\\n' (3 bytes)"), text);
    }

    @Test
    void a_case_reads_its_own_events_and_a_server_gives_each_connection_its_own_actor() {
        Transcript transcript = Inline.run(context -> {
            try (TcpListener listener = context.actor("Server").listen()) {
                Task<Void> clients = context.start("Clients", () -> {
                    for (int i = 1; i <= 2; i++) {
                        try (TcpConnection c = context.actor("Client " + i).connect("127.0.0.1", listener.port())) {
                            c.send("hi " + i);
                        }
                    }
                });
                for (int i = 1; i <= 2; i++) {
                    try (TcpConnection connection = listener.accept("Server thread " + i)) {
                        connection.recvUntilClosed(16);
                    }
                }
                clients.join();
            }
            long accepts = context.events().stream().filter(e -> e.kind() == EventKind.ACCEPT).count();
            context.checkEquals("the server accepted two connections", 2L, accepts);
        });

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        List<TranscriptEvent> accepts = transcript.events().stream().filter(e -> e.kind() == EventKind.ACCEPT).toList();
        assertEquals(List.of("Server thread 1", "Server thread 2"), accepts.stream().map(TranscriptEvent::actor).toList());
        assertEquals(List.of("hi 2"), Inline.events(transcript, "Server thread 2", EventKind.RECV).stream()
                .filter(e -> e.size() > 0).map(TranscriptEvent::text).toList());
    }
}
