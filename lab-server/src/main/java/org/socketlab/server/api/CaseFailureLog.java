package org.socketlab.server.api;

import java.io.PrintStream;

import org.socketlab.engine.CaseFailure;
import org.socketlab.server.plugins.RegisteredCase;

/**
 * Writes the stack trace of a run that ended because the case threw to the server's log (standard error),
 * the case's own frames first: the transcript keeps the message and the line, the author needs the rest.
 */
final class CaseFailureLog {
    private CaseFailureLog() {
    }

    static void write(PrintStream log, RegisteredCase registered, String runId, CaseFailure failure) {
        log.println("socketlab: run " + runId + " of case " + registered.info().id() + " (" + registered.origin()
                + ") ended with an error: " + failure.trace().stripTrailing());
    }
}
