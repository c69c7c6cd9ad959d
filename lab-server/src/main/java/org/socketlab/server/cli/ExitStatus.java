package org.socketlab.server.cli;

import org.socketlab.api.transcript.Outcome;

/** The exit statuses of the command line. */
public final class ExitStatus {
    /** Every run passed. */
    public static final int PASSED = 0;
    /** A check failed (and no run ended in error); also a server that could not start. */
    public static final int FAILED = 1;
    /** A run ended in error: the lab could not run a case. */
    public static final int ERROR = 2;
    /** The command line could not be understood (sysexits' EX_USAGE). */
    public static final int USAGE = 64;

    private ExitStatus() {
    }

    /** @param outcome a suite's worst outcome @return its exit status */
    public static int of(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case ERROR -> ERROR;
        };
    }
}
