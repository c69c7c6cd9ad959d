package org.socketlab.cases.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socketlab.api.RunContext;

/**
 * Where a counting server's numbers start (tcp-counter, udp-counter, http-visitor-server): the lab's own
 * server starts at #1; a student's server may have counted earlier clients already, which is fine as long
 * as the numbers then go up by one.
 */
public final class CounterStart {
    private CounterStart() {
    }

    /**
     * @param counter    finds the server's number in its group 1
     * @param firstReply the first reply of this run (null when there was none)
     * @param labServer  whether the lab's own server answered (then the count starts at 1)
     * @param context    where a student's server that had counted already is noted
     * @param counted    what the server counts, for that note: "connection(s)"
     * @return the number the first reply should carry
     */
    public static int of(Pattern counter, String firstReply, boolean labServer, RunContext context, String counted) {
        if (labServer || firstReply == null) {
            return 1;
        }
        Matcher matcher = counter.matcher(firstReply);
        int first = matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
        if (first != 1) {
            context.note("Your server had already counted " + (first - 1) + " " + counted + " before this run.");
        }
        return first;
    }
}
