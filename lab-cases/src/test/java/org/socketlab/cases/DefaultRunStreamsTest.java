package org.socketlab.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.api.LabCase;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

/**
 * For the default run of every built-in case, the TCP streams the transcript records are consistent: each
 * recv's bytes are the bytes of the sends on its {@code conn} at its {@code offset}, and no sent byte goes
 * unread unless a failed check or a note says something was not read.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DefaultRunStreamsTest {

    static Stream<Named<LabCase>> builtInCases() {
        return ServiceLoader.load(LabCase.class).stream().map(ServiceLoader.Provider::get)
                .map(c -> Named.of(c.info().id(), c));
    }

    /** One direction of one connection: what one end sent and what the other end read. */
    private record Direction(List<TranscriptEvent> sends, List<TranscriptEvent> recvs) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInCases")
    void every_recv_reads_the_bytes_sent_at_its_offset_and_no_send_goes_unread_unexplained(LabCase labCase) {
        Transcript t = UndisturbedRuns.run(labCase);
        String id = labCase.info().id();
        assertNotEquals(Outcome.ERROR, t.outcome(), () -> id + ": " + t.error());

        for (Map.Entry<String, Direction> entry : directions(t).entrySet()) {
            String where = id + ", " + entry.getKey();
            Direction direction = entry.getValue();
            byte[] stream = streamOf(direction.sends(), where);
            boolean senderInLab = !direction.sends().isEmpty();
            long readUpTo = 0;
            for (TranscriptEvent recv : direction.recvs()) {
                assertEquals(readUpTo, recv.offset(), where + ": recvs follow each other in the stream");
                readUpTo += recv.size();
                if (senderInLab) {
                    assertTrue(readUpTo <= stream.length, where + ": a recv read bytes nobody sent: " + recv);
                    assertArrayEquals(Arrays.copyOfRange(stream, Math.toIntExact(recv.offset()),
                            Math.toIntExact(readUpTo)), recv.bytes(), where + ": " + recv);
                }
            }
            boolean receiverInLab = !direction.recvs().isEmpty() || receiverIsALabSocket(t, entry.getKey());
            if (receiverInLab && readUpTo < stream.length) {
                assertTrue(explainsUnreadBytes(t), where + ": " + (stream.length - readUpTo)
                        + " bytes never read, and no failed check or note says so");
            }
        }
    }

    /** Groups TCP sends and recvs by conn and by the end that sent: "conn 3 from 127.0.0.1:41111". */
    private static Map<String, Direction> directions(Transcript t) {
        Map<String, Direction> directions = new LinkedHashMap<>();
        for (TranscriptEvent e : t.events()) {
            if (!"tcp".equals(e.protocol()) || (e.kind() != EventKind.SEND && e.kind() != EventKind.RECV)) {
                continue;
            }
            assertTrue(e.conn() != null && e.offset() != null, "a TCP send or recv without conn or offset: " + e);
            String sender = e.kind() == EventKind.SEND ? e.local() : e.remote();
            Direction direction = directions.computeIfAbsent("conn " + e.conn() + " from " + sender,
                    k -> new Direction(new ArrayList<>(), new ArrayList<>()));
            (e.kind() == EventKind.SEND ? direction.sends() : direction.recvs()).add(e);
        }
        directions.values().forEach(d -> {
            d.sends().sort(Comparator.comparingLong(TranscriptEvent::offset));
            d.recvs().sort(Comparator.comparingLong(TranscriptEvent::offset));
        });
        return directions;
    }

    private static byte[] streamOf(List<TranscriptEvent> sends, String where) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (TranscriptEvent send : sends) {
            assertEquals(stream.size(), send.offset(), where + ": sends follow each other in the stream");
            stream.writeBytes(send.bytes());
        }
        return stream.toByteArray();
    }

    /** The receiving end recorded something on the connection (an accept, a close), so it is in the lab. */
    private static boolean receiverIsALabSocket(Transcript t, String directionKey) {
        String conn = directionKey.substring("conn ".length(), directionKey.indexOf(" from "));
        String sender = directionKey.substring(directionKey.indexOf(" from ") + " from ".length());
        return t.events().stream().anyMatch(e -> e.conn() != null && String.valueOf(e.conn()).equals(conn)
                && "tcp".equals(e.protocol()) && !sender.equals(e.local()));
    }

    private static boolean explainsUnreadBytes(Transcript t) {
        return t.checks().stream().anyMatch(c -> !c.passed()) || t.events().stream().anyMatch(e ->
                e.kind() == EventKind.NOTE && e.text() != null && e.text().toLowerCase().matches(
                        ".*(never read|not read|unread|left in the buffer|still in the buffer).*"));
    }
}
