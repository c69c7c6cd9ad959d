package org.socketlab.cases.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.socketlab.api.HostPort;
import org.socketlab.api.RunContext;
import org.socketlab.api.TaskFailedException;

/**
 * The student's own program on the other end of the lab's sockets (their server at {@code target}, or their
 * client in live mode), and the verdict rule for it: whatever it does or fails to do (refuses, stays silent,
 * closes early, resets) is a failed check that says what was expected of it, never the run's error. The run's
 * error is kept for the lab's own failures.
 *
 * @param name  how checks name it: {@code Your server at 127.0.0.1:9090}, {@code Your client}
 * @param turn  what it owes the lab's side in an exchange: {@code answers}, {@code sends its request}
 */
public record YourProgram(String name, String turn) {

    /** Something the lab does with the student's program; its socket failures are the program's fault. */
    @FunctionalInterface
    public interface Exchange<T> {
        /** @return the exchange's result; may be {@code null} */
        T run() throws Exception;
    }

    /**
     * @param address where the student's server listens
     * @return the student's server, as the lab's client meets it
     */
    public static YourProgram server(HostPort address) {
        return new YourProgram("Your server at " + address, "answers");
    }

    /**
     * @param name the name of the student's client in the transcript
     * @return the student's client, as the lab's server meets it
     */
    public static YourProgram client(String name) {
        return new YourProgram(name, "sends what the handout's client sends");
    }

    /**
     * Runs an exchange with the student's program. A socket failure of it (refused, timed out, reset, broken
     * pipe) becomes a failed check, and the result is empty; a host name that cannot be used, or anything that
     * is not a socket failure, is the lab's and propagates.
     *
     * @param context the run
     * @param body    the lab's side of the exchange
     * @param <T>     the result's type
     * @return the result, or empty when the student's program failed the exchange (a check says how)
     * @throws Exception what the lab itself could not do
     */
    public <T> Optional<T> exchange(RunContext context, Exchange<T> body) throws Exception {
        try {
            return Optional.ofNullable(body.run());
        } catch (TaskFailedException e) {
            if (e.getCause() instanceof IOException cause && isTheirs(cause)) {
                fault(context, cause);
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            if (!isTheirs(e)) {
                throw e;
            }
            fault(context, e);
            return Optional.empty();
        }
    }

    /**
     * Records a failed check for a socket failure of the student's program.
     *
     * @param context the run
     * @param failure what the lab's socket reported
     */
    public void fault(RunContext context, IOException failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (failure instanceof ConnectException || lower.startsWith("connect timed out")) {
            context.check(name + " accepts a connection", false, "a connection",
                    failure instanceof ConnectException ? "connection refused" : message);
        } else if (failure instanceof SocketTimeoutException) {
            context.check(name + " " + turn + " in time", false, "data before the time-out",
                    "nothing came: " + message);
        } else if (lower.contains("reset") || lower.contains("broken pipe")) {
            context.check(name + " keeps the connection open until the exchange is over", false,
                    "an orderly close once the exchange is done", "the connection was closed early (" + message + ")");
        } else {
            context.check(name + " completes the exchange", false, "no socket failure", message);
        }
    }

    /**
     * Records the failed check of a UDP exchange in which no datagram came back from the student's program: UDP
     * never says whether anybody was listening.
     *
     * @param context the run
     * @param waited  how long the lab waited
     */
    public void noDatagram(RunContext context, Duration waited) {
        context.check(name + " " + turn + " in time", false, "a datagram within " + waited.toMillis() + " ms",
                "none came (UDP does not tell whether anybody listens there)");
    }

    // Unknown and forbidden hosts are the caller's input, not the program's behaviour.
    private static boolean isTheirs(IOException failure) {
        return !(failure instanceof UnknownHostException);
    }
}
