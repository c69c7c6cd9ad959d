package org.socketlab.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.TranscriptEvent;

/** The lines built by hand read exactly as the {@code String.format} patterns they replaced. */
class TranscriptTextTest {

    @Test
    void an_event_line_is_what_the_format_pattern_gave() {
        String[] actors = {"Scanner", "A", "An actor with a long name", ""};
        double[] times = {0, 0.0004, 0.0005, 0.0015, 1.0005, 2.5, 13.3245, 13.3255, 999.9995, 12345.678949,
                123456789.123, 1e-9, 4.35};
        int i = 0;
        for (double at : times) {
            for (EventKind kind : new EventKind[] {EventKind.NOTE, EventKind.OUTPUT, EventKind.ERROR}) {
                String actor = actors[i++ % actors.length];
                TranscriptEvent event = new TranscriptEvent(at, actor, kind, null, null, null, null, null, null,
                        "a message");
                String expected = String.format(Locale.ROOT, "%10.3f ms  %-12s %-8s %s%n", at, actor,
                        kind.jsonName(), "a message");
                assertEquals(expected, TranscriptText.eventLine(event), "at " + at + ", " + kind);
            }
        }
    }

    @Test
    void decimals_round_as_the_formatter_does() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble() * 1_000;
                case 1 -> Math.round(random.nextDouble() * 1_000_000) / 1000.0 + 0.0005;
                case 2 -> random.nextInt(100_000) / 10.0 + 0.05;
                default -> random.nextDouble() * 1e7;
            };
            assertEquals(String.format(Locale.ROOT, "%.3f", value), TranscriptText.decimals(value, 3), "" + value);
            assertEquals(String.format(Locale.ROOT, "%.1f", value), TranscriptText.decimals(value, 1), "" + value);
        }
    }

    @Test
    void control_characters_and_raw_bytes_show_as_two_hex_digits() {
        assertEquals("\"a\\x00\\x1fb\\x7f\"", TranscriptText.shown("a\u0000\u001fb\u007f".getBytes(StandardCharsets.UTF_8)));
        assertEquals("\"\\xff\\x80ok\"", TranscriptText.shown(new byte[] {(byte) 0xff, (byte) 0x80, 'o', 'k'}));
    }
}
