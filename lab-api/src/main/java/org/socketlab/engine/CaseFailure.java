package org.socketlab.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

import org.socketlab.api.TaskFailedException;

/**
 * What went wrong in a run that ended as an error because the case's code threw: the message the
 * transcript shows, where in the case it happened, and the exception itself. Socket Lab's server writes
 * {@link #trace()} to its log; the contract's {@code CaseRunner.requirePassed} puts it in the failure a JUnit
 * test sees.
 *
 * @param message  the run's {@code error}, as in the transcript
 * @param location the first frame of the case's own code, such as
 *                 {@code org.example.EchoCase.run(EchoCase.java:42)}; {@code null} when none is known
 * @param cause    the exception the case or one of its tasks threw
 */
public record CaseFailure(String message, String location, Throwable cause) {

    /**
     * Checks the components.
     *
     * @param message the run's {@code error}, as in the transcript
     * @param location the first frame of the case's own code, such as {@code
     *        org.example.EchoCase.run(EchoCase.java:42)}; {@code null} when none is known
     * @param cause the exception the case or one of its tasks threw
     * @throws NullPointerException if the message or cause is null
     */
    public CaseFailure {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cause, "cause");
    }

    /** Builds a failure from an exception: its location is its first frame outside the JDK and lab-api. */
    static CaseFailure of(String message, Throwable cause) {
        // A task's failure rethrown by join: the place that matters is where the task failed.
        Throwable origin = cause;
        while (origin instanceof TaskFailedException && origin.getCause() != null) {
            origin = origin.getCause();
        }
        StackTraceElement frame = Frames.firstCaseFrame(origin);
        return new CaseFailure(message, frame == null ? null : Frames.format(frame), cause);
    }

    /**
     * The stack trace for a person fixing the case: the message, then the frames of the case's own code
     * (those outside the JDK and lab-api), then the full stack trace.
     *
     * @return the text, several lines
     */
    public String trace() {
        StringWriter full = new StringWriter();
        cause.printStackTrace(new PrintWriter(full));
        return message + "\n" + caseFrames() + "full stack trace:\n" + full;
    }

    /** @return the frames of the case's own code, innermost first, one {@code "    at ..."} line each */
    public String caseFrames() {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = cause; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(0, t);
        }
        StringBuilder text = new StringBuilder();
        // A cause shares its outer frames with the exception that wraps it: each frame once.
        java.util.Set<StackTraceElement> shown = new java.util.HashSet<>();
        for (Throwable t : chain) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (Frames.isCaseFrame(frame) && shown.add(frame)) {
                    text.append("    at ").append(Frames.format(frame)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
