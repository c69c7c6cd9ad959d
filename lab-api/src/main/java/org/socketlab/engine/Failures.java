package org.socketlab.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.socketlab.api.InvalidParamException;
import org.socketlab.api.TargetNotAllowedException;
import org.socketlab.api.TaskFailedException;

/** Turns exceptions into the short messages a student reads in a transcript. */
public final class Failures {
    private Failures() {
    }

    /**
     * @param failure what a case's code, or a socket, threw
     * @return the one line a transcript shows for it, such as {@code Connection refused} or
     *         {@code NullPointerException: ...}
     */
    public static String describe(Throwable failure) {
        if (failure instanceof TaskFailedException || failure instanceof TargetNotAllowedException
                || failure instanceof InvalidParamException) {
            return failure.getMessage();
        }
        String message = failure.getMessage();
        if (failure instanceof NoClassDefFoundError && failure.getCause() instanceof ClassNotFoundException missing
                && missing.getMessage() != null && missing.getMessage().contains(" ")) {
            // The class loader said why (a plugin named a class outside the contract): its words, not the JVM's.
            return "NoClassDefFoundError: " + missing.getMessage();
        }
        if (failure instanceof ConnectException) {
            return message == null || message.isBlank() ? "Connection refused" : firstClause(message);
        }
        if (failure instanceof UnknownHostException) {
            return "Unknown host: " + message;
        }
        if (failure instanceof NoRouteToHostException || failure instanceof SocketTimeoutException) {
            return message == null ? failure.getClass().getSimpleName() : message;
        }
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    // "Connection refused (Connection refused)" on some JDKs: keep the first part only.
    private static String firstClause(String message) {
        int paren = message.indexOf(" (");
        return paren > 0 ? message.substring(0, paren) : message;
    }

    /**
     * @param operation     {@code recv}, {@code accept}, ...
     * @param timeoutMillis its time-out
     * @return {@code recv timed out after 300 ms}
     */
    public static String timedOut(String operation, int timeoutMillis) {
        return operation + " timed out after " + timeoutMillis + " ms";
    }

    /**
     * The exception a case sees: a time-out says which operation and how long ("recv timed out after
     * 300 ms") instead of the JDK's "Read timed out", so the run's error and the event agree.
     *
     * @param e             what the socket threw
     * @param operation     {@code recv}, {@code accept}, ...
     * @param timeoutMillis the operation's time-out
     * @return a clearer time-out, or {@code e} itself
     */
    public static IOException clearer(IOException e, String operation, int timeoutMillis) {
        if (!(e instanceof SocketTimeoutException)) {
            return e;
        }
        SocketTimeoutException clear = new SocketTimeoutException(timedOut(operation, timeoutMillis));
        clear.initCause(e);
        return clear;
    }
}
