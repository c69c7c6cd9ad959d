package org.socketlab.server.cli;

/** The command line could not be understood; its message says what to change (exit status 64). */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /** @param message what is wrong, written for the person who typed it */
    public UsageException(String message) {
        this(message, null);
    }

    /**
     * @param message   what is wrong, written for the person who typed it
     * @param parameter the case parameter at fault, or {@code null} when it is not about one
     */
    public UsageException(String message, String parameter) {
        super(message);
        this.parameter = parameter;
    }

    /** @return the case parameter at fault, or {@code null} */
    public String parameter() {
        return parameter;
    }
}
