package org.socketlab.server.cli;

/** The command line could not be understood; its message says what to change (exit status 64). */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, written for the person who typed it */
    public UsageException(String message) {
        super(message);
    }
}
