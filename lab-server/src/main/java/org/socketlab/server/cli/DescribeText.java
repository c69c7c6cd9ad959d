package org.socketlab.server.cli;

import java.util.Locale;

import org.socketlab.api.ParamSpec;
import org.socketlab.api.ParamType;
import org.socketlab.server.plugins.RegisteredCase;

/** {@code describe CASE} for a terminal: what the case is, where it comes from, and every parameter. */
public final class DescribeText {
    private DescribeText() {
    }

    /** @param c a case @return its description, ending with a line break */
    public static String of(RegisteredCase c) {
        StringBuilder out = new StringBuilder();
        out.append(c.id()).append(": ").append(c.info().title()).append('\n');
        out.append(c.info().summary()).append("\n\n");
        out.append("Exercise: ").append(c.info().source()).append('\n');
        out.append("Group:    ").append(c.info().group()).append('\n');
        out.append("Tags:     ").append(c.info().tags().isEmpty() ? "none" : String.join(", ", c.info().tags()))
                .append('\n');
        out.append("Origin:   ").append(c.origin()).append('\n');
        if (!c.info().programs().isEmpty()) {
            out.append("Programs: ").append(c.info().programs().stream().map(p -> p.file() + " (" + p.actor()
                    + (p.reconstructed() ? ", reconstructed" : "") + ")").collect(java.util.stream.Collectors.joining(", ")))
                    .append('\n');
        }
        out.append('\n');
        if (c.params().isEmpty()) {
            out.append("Parameters: none\n");
        } else {
            out.append("Parameters (--param NAME=VALUE):\n");
            for (ParamSpec spec : c.params()) {
                out.append(String.format(Locale.ROOT, "  %-18s %-8s default %s%s%n", spec.name(),
                        spec.type().jsonName(), shown(spec.defaultValue()), constraint(spec)));
                out.append("      ").append(spec.description()).append('\n');
            }
        }
        out.append("\nRun it: java -jar socketlab.jar run ").append(c.id()).append('\n');
        if (!c.info().description().isBlank()) {
            out.append("\nDescription:\n");
            c.info().description().strip().lines().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }

    private static String constraint(ParamSpec spec) {
        if (spec.type() == ParamType.CHOICE) {
            return "; one of " + String.join(", ", spec.choices());
        }
        if (spec.min() != null && spec.max() != null) {
            return "; from " + spec.min() + " to " + spec.max();
        }
        if (spec.min() != null) {
            return "; at least " + spec.min();
        }
        if (spec.max() != null) {
            return "; at most " + spec.max();
        }
        return "";
    }

    private static String shown(Object value) {
        if (value instanceof String s) {
            return s.isEmpty() ? "\"\" (empty)" : "\"" + s + "\"";
        }
        return String.valueOf(value);
    }
}
