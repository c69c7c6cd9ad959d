package org.socketlab.api.transcript;

import java.util.Objects;

/**
 * One expectation of a run and whether it held.
 *
 * @param name     what is checked, as a statement ("Bob received the whole message")
 * @param passed   whether it held
 * @param expected what should have happened, as text; may be {@code null}
 * @param actual   what did happen, as text; may be {@code null}
 */
public record Check(String name, boolean passed, String expected, String actual) {
    /**
     * Checks the components.
     *
     * @param name what is checked, as a statement ("Bob received the whole message")
     * @param passed whether it held
     * @param expected what should have happened, as text; may be {@code null}
     * @param actual what did happen, as text; may be {@code null}
     * @throws NullPointerException if the name is null
     */
    public Check {
        Objects.requireNonNull(name, "name");
    }
}
