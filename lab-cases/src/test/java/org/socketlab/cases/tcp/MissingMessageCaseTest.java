package org.socketlab.cases.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MissingMessageCaseTest {

    private static List<TranscriptEvent> bobsReads(Transcript transcript) {
        return transcript.events().stream()
                .filter(e -> e.kind() == EventKind.RECV && e.actor().equals("Bob"))
                .toList();
    }

    @Test
    void default_run_passes_and_bob_receives_the_whole_message() {
        Transcript transcript = UndisturbedRuns.run(new MissingMessageCase(), Map.of());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        assertTrue(transcript.output().contains(" Bob received: 'HELLO WORLD'"), transcript.output().toString());
        assertTrue(transcript.output().contains(" Alice sent: 'HELLO WORLD'"));
    }

    @Test
    void the_loop_reads_eight_bytes_then_three_then_the_close() {
        Transcript transcript = UndisturbedRuns.run(new MissingMessageCase(), Map.of());

        List<Integer> sizes = bobsReads(transcript).stream().map(TranscriptEvent::size).toList();
        assertEquals(List.of(8, 3, 0), sizes);
    }

    @Test
    void a_single_recv_of_eight_bytes_gets_only_hello_wo_and_fails() {
        Transcript transcript = UndisturbedRuns.run(new MissingMessageCase(), Map.of("readUntilClosed", false));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertTrue(transcript.output().contains(" Bob received: 'HELLO WO'"), transcript.output().toString());
        List<TranscriptEvent> reads = bobsReads(transcript);
        assertEquals(1, reads.size());
        assertEquals(8, reads.get(0).requested());
        assertEquals(8, reads.get(0).size());
        assertEquals("HELLO WO", reads.get(0).text());
        Check check = transcript.checks().get(0);
        assertFalse(check.passed());
        assertEquals("HELLO WORLD", check.expected());
        assertEquals("HELLO WO", check.actual());
    }

    @Test
    void a_single_recv_of_1024_bytes_receives_the_short_message_whole() {
        Transcript transcript = UndisturbedRuns.run(new MissingMessageCase(),
                Map.of("readUntilClosed", false, "bufferSize", 1024));

        assertEquals(Outcome.PASSED, transcript.outcome());
        assertTrue(transcript.output().contains(" Bob received: 'HELLO WORLD'"));
        assertEquals(List.of(11), bobsReads(transcript).stream().map(TranscriptEvent::size).toList());
    }

    @Test
    void a_multi_byte_message_read_one_byte_at_a_time_arrives_whole() {
        Transcript transcript = UndisturbedRuns.run(new MissingMessageCase(),
                Map.of("bufferSize", 1, "message", "Grüße"));

        assertEquals(Outcome.PASSED, transcript.outcome());
        assertTrue(transcript.output().contains(" Bob received: 'Grüße'"));
        assertEquals(8, bobsReads(transcript).size(), "7 bytes of UTF-8, one recv each, then the close");
    }

    @Test
    void a_buffer_size_of_zero_is_rejected_naming_the_parameter() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new MissingMessageCase(), Map.of("bufferSize", 0)));

        assertEquals("bufferSize", e.parameter());
    }
}
