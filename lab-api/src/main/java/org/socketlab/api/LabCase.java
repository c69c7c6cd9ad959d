package org.socketlab.api;

import java.time.Duration;
import java.util.List;

/**
 * One runnable socket-programming exercise: the service interface that built-in cases and plugin cases
 * implement and register in {@code META-INF/services/org.socketlab.api.LabCase}.
 *
 * <p>Socket Lab creates one instance per case and calls it from many threads at once: two students may
 * run the same case at the same moment. Keep no per-run state in fields; everything a run needs lives in
 * local variables and in the {@link RunContext} it is given. The class needs a public no-argument
 * constructor, as {@link java.util.ServiceLoader} requires.
 */
public interface LabCase {

    /**
     * What the case is: id, title, summary, tags, source and description. Called once when the case is
     * loaded; the result is cached.
     *
     * @return the case's metadata, never {@code null}
     */
    CaseInfo info();

    /**
     * The parameters a student may change, with their defaults. Called once when the case is loaded.
     *
     * @return the parameters in the order a form should show them; empty when the case takes none
     */
    default List<ParamSpec> params() {
        return List.of();
    }

    /**
     * Checks combinations of parameter values that the type of each parameter alone cannot check (a minimum
     * below a maximum, two parameters that exclude each other). Called before every run, after each value has
     * been checked against its {@link ParamSpec} (a typed {@link Param}'s text parsed); a rejected value is the caller's mistake (HTTP 400, exit
     * status 64), not a failed run.
     *
     * @param params the values of this run, each already valid for its own spec
     * @throws InvalidParamException naming the parameter at fault
     */
    default void validate(Params params) throws InvalidParamException {
    }

    /**
     * How long a run with these values may take, for a case that must wait longer than the standard limit
     * allows: a case that waits for the student's own client for {@code liveSeconds} asks for that time on
     * top of the standard limit. The runner uses the longer of this and {@code standard} (a case can
     * lengthen its limit, never shorten it), and at most {@link CaseRunner#MAX_TIME_LIMIT}. Called before
     * every run, before {@link #validate}: it must return at once (one that overrides it is asked on a thread of its
     * own and waited for at most {@code standard}, then the standard limit applies), and the values
     * may still break the case's own rules (an exception keeps the standard limit).
     *
     * @param params   the values of this run, each valid for its own spec
     * @param standard the time limit the caller set for every run
     * @return the time limit this run needs; {@code standard} unless overridden
     * @since 1.1
     */
    default Duration timeLimit(Params params, Duration standard) {
        return standard;
    }

    /**
     * Runs the exercise once. Do all networking through the sockets of {@code context} so that the
     * transcript records it; print what the handout's programs print with {@link Actor#print(String)};
     * record what should have happened with {@link RunContext#check}.
     *
     * <p>Throwing ends the run with outcome {@code error} and the exception's message as its error. A
     * run that goes past its time limit is stopped: its sockets are closed and its threads interrupted.
     *
     * @param context this run's parameters, actors, sockets and checks
     * @throws Exception anything the run could not recover from
     */
    void run(RunContext context) throws Exception;
}
