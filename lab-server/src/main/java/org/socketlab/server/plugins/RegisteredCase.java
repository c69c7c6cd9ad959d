package org.socketlab.server.plugins;

import java.util.List;
import java.util.Objects;

import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.ParamSpec;

/**
 * A case the registry has loaded, with its metadata read once (a plugin's {@code info()} is not trusted
 * to be cheap or stable) and where it comes from.
 *
 * @param info    the case's metadata
 * @param params  its parameters
 * @param labCase the instance that runs it
 * @param origin  {@link #BUILT_IN}, or the file name of the plugin jar it came from
 */
public record RegisteredCase(CaseInfo info, List<ParamSpec> params, LabCase labCase, String origin) {
    /** The origin of the cases that ship with Socket Lab. */
    public static final String BUILT_IN = "built-in";

    /** Copies the parameters. */
    public RegisteredCase {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(labCase, "labCase");
        Objects.requireNonNull(origin, "origin");
        params = List.copyOf(params);
    }

    /** @return the case's id */
    public String id() {
        return info.id();
    }
}
