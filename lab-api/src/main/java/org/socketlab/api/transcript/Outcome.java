package org.socketlab.api.transcript;

import java.util.Locale;

/** How a run ended. */
public enum Outcome {
    /** The run completed and every check passed. */
    PASSED,
    /** The run completed and at least one check failed. */
    FAILED,
    /** The run threw or went past its time limit. */
    ERROR;

    /** @return the name used in JSON: {@code passed}, {@code failed}, {@code error} */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
