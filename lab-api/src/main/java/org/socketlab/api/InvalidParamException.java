package org.socketlab.api;

/**
 * A parameter value that a run cannot use. It is the caller's mistake, reported before the run starts
 * (HTTP 400, exit status 64), so its message is written for the person who typed the value.
 */
public class InvalidParamException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The name of the parameter at fault, kept so that the API can name it apart from the message. */
    private final String parameter;

    /**
     * @param parameter the name of the parameter at fault
     * @param problem   what is wrong, e.g. "must be an integer from 1 to 65536, got 0"
     */
    public InvalidParamException(String parameter, String problem) {
        super("parameter '" + parameter + "': " + problem);
        this.parameter = parameter;
    }

    /** @return the name of the parameter at fault */
    public String parameter() {
        return parameter;
    }
}
