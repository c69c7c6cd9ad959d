package org.socketlab.server.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

/** Renders a transcript for a terminal: one line an event, then the output, the checks and the outcome. */
public final class TranscriptText {
    private static final int MAX_SHOWN_CHARS = 160;

    private TranscriptText() {
    }

    /**
     * @param t a transcript
     * @return it as readable text, ending with a line break
     */
    public static String of(Transcript t) {
        StringBuilder out = new StringBuilder();
        out.append("Case ").append(t.caseId()).append("  (run ").append(t.runId()).append(")\n");
        out.append(head(t.params()));
        t.events().forEach(event -> out.append(eventLine(event)));
        return out.append(tail(t)).toString();
    }

    /**
     * @param params the run's parameter values
     * @return the parameters line and the events heading, as printed before the first event
     */
    public static String head(java.util.Map<String, Object> params) {
        return "Parameters: " + (params.isEmpty() ? "none" : params.toString()) + "\n\nEvents:\n";
    }

    /**
     * The line {@code String.format(Locale.ROOT, "%10.3f ms  %-12s %-8s %s%n", ...)} would give, built by hand: the
     * command line prints these while a run's threads work, and the formatter's first use loads and interprets
     * about 50 classes (the formatter, the locale data) on a third thread beside a scan's two.
     *
     * @param event an event
     * @return its line, ending with a line break
     */
    public static String eventLine(TranscriptEvent event) {
        StringBuilder line = new StringBuilder(100);
        padded(line, decimals(event.atMs(), 3), 10, true).append(" ms  ");
        padded(line, event.actor(), 12, false).append(' ');
        padded(line, event.kind().jsonName(), 8, false).append(' ');
        return line.append(describe(event)).append(System.lineSeparator()).toString();
    }

    /** @param t a transcript @return what follows its events: the output, the checks, the error and the outcome */
    public static String tail(Transcript t) {
        StringBuilder out = new StringBuilder();
        out.append("\nOutput:\n");
        t.output().forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("\nChecks:\n");
        for (Check check : t.checks()) {
            out.append(check.passed() ? "  [pass] " : "  [FAIL] ").append(check.name()).append('\n');
            if (!check.passed()) {
                out.append("         expected: ").append(quoted(check.expected())).append('\n');
                out.append("         actual:   ").append(quoted(check.actual())).append('\n');
            }
        }
        if (t.checks().isEmpty()) {
            out.append("  (none)\n");
        }
        out.append('\n');
        if (t.error() != null) {
            out.append("Error: ").append(t.error()).append('\n');
        }
        out.append("Outcome: ").append(t.outcome().jsonName().toUpperCase(Locale.ROOT)).append(" in ")
                .append(decimals(t.durationMs(), 1)).append(" ms").append(System.lineSeparator());
        return out.toString();
    }

    /** @return the value with that many decimals, rounded half up, as {@code %.Nf} prints it */
    static String decimals(double value, int scale) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        // Double.toString's digits, as the formatter rounds them (not the binary value's exact expansion).
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    private static StringBuilder padded(StringBuilder out, String text, int width, boolean right) {
        String shown = String.valueOf(text);
        int pad = Math.max(0, width - shown.length());
        if (!right) {
            out.append(shown);
        }
        out.append(" ".repeat(pad));
        return right ? out.append(shown) : out;
    }

    private static String describe(TranscriptEvent e) {
        // The connection id ties the two ends of a connection together, as the page's lanes do.
        return (e.conn() == null ? "" : "[conn " + e.conn() + "] ") + describeAction(e);
    }

    private static String describeAction(TranscriptEvent e) {
        String protocol = e.protocol() == null ? "" : " (" + e.protocol() + ")";
        return switch (e.kind()) {
            case LISTEN -> "on " + e.local() + protocol;
            case CONNECT, ACCEPT -> e.local() + " <-> " + e.remote() + protocol;
            case SEND -> e.size() + " bytes to " + e.remote() + ": " + shown(e.bytes());
            case RECV -> "asked " + e.requested() + ", got " + e.size() + " bytes from " + e.remote()
                    + (e.size() == 0 && "tcp".equals(e.protocol()) ? " (peer closed)" : ": " + shown(e.bytes()));
            case CLOSE -> (e.remote() != null ? e.local() + " <-> " + e.remote() : e.local()) + protocol
                    + (e.text() != null ? ": " + e.text() : "");
            case ERROR -> e.text() + (e.remote() != null ? " [" + e.remote() + "]" : "");
            // The Output section below prints console lines whole; here a long line is cut to keep one line.
            case OUTPUT, NOTE -> e.text().length() > MAX_SHOWN_CHARS
                    ? e.text().substring(0, MAX_SHOWN_CHARS) + " ... (" + (e.text().length() - MAX_SHOWN_CHARS)
                    + " more characters)" : e.text();
        };
    }

    /** Bytes as a quoted string with \r, \n, \t and other control characters made visible. */
    static String shown(byte[] bytes) {
        String text = TranscriptEvent.utf8OrNull(bytes);
        if (text == null) {
            // Not UTF-8 (or a character split by a read): show every byte, non-printable ones as \xNN.
            return escaped(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), true);
        }
        return escaped(text, false);
    }

    private static String escaped(String text, boolean rawBytes) {
        StringBuilder out = new StringBuilder("\"");
        int limit = Math.min(text.length(), MAX_SHOWN_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || (rawBytes && c >= 0x80)) {
                        out.append("\\x").append(Character.forDigit(c >> 4 & 0xF, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (text.length() > limit) {
            out.append(" ... (").append(text.length() - limit).append(" more characters)");
        }
        return out.toString();
    }

    private static String quoted(String text) {
        return text == null ? "(nothing)" : escaped(text, false);
    }
}
