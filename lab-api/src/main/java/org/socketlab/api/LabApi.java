package org.socketlab.api;

/**
 * The version of the plugin contract that this {@code lab-api} implements.
 *
 * <p>A plugin jar declares the major version it was built for (see the plugin guide); Socket Lab loads
 * it only when that major version equals {@link #MAJOR}. Minor versions add to the contract without
 * breaking plugins built for an earlier minor version of the same major version.
 */
public final class LabApi {
    /** The major version: it changes only when a change would break existing plugins. */
    public static final int MAJOR = 1;
    /** The minor version: it changes when the contract grows in a compatible way. */
    public static final int MINOR = 1;
    /** {@code MAJOR.MINOR}, as plugins declare it. */
    public static final String VERSION = MAJOR + "." + MINOR;

    private LabApi() {
    }
}
