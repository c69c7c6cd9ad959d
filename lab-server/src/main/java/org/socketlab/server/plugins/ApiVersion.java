package org.socketlab.server.plugins;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socketlab.api.LabApi;

/**
 * A version of the plugin contract, {@code MAJOR.MINOR}: the one this Socket Lab provides ({@link #current()})
 * or the one a plugin jar declares in its manifest ({@link #MANIFEST_ATTRIBUTE}), and the rule that decides
 * whether a plugin can be loaded.
 *
 * @param major changes only when a change would break existing plugins
 * @param minor changes when the contract grows in a compatible way
 */
public record ApiVersion(int major, int minor) {
    /** The attribute of a plugin jar's {@code META-INF/MANIFEST.MF} that says which lab-api it was built for. */
    public static final String MANIFEST_ATTRIBUTE = "SocketLab-Api-Version";

    // MAJOR.MINOR, optionally followed by a patch and a qualifier (1.0.0-SNAPSHOT) that do not count, so that
    // a pom may write the lab-api artifact's own version there.
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})\\.(\\d{1,6})(?:\\.\\d{1,6})?(?:-[A-Za-z0-9.]+)?");
    private static final int MAX_QUOTED_LENGTH = 40;

    /** @throws IllegalArgumentException if a number is negative */
    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("version numbers cannot be negative: " + major + "." + minor);
        }
    }

    /** @return the version of the lab-api this Socket Lab runs with */
    public static ApiVersion current() {
        return new ApiVersion(LabApi.MAJOR, LabApi.MINOR);
    }

    /**
     * Reads a declared version.
     *
     * @param text {@code MAJOR.MINOR}, e.g. {@code 1.0}; a patch number and a qualifier are allowed and ignored
     * @return the version
     * @throws IllegalArgumentException saying what was expected
     */
    public static ApiVersion parse(String text) {
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            String quoted = text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) + "…" : text;
            throw new IllegalArgumentException("its manifest attribute " + MANIFEST_ATTRIBUTE + " is '" + quoted
                    + "'; expected MAJOR.MINOR, such as " + current());
        }
        return new ApiVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /**
     * Why a plugin built for this version cannot run on {@code available}, if it cannot. Another major version
     * changed the contract; a newer minor version of the same major may call methods that {@code available} lacks,
     * which would fail only in the middle of a run, so it is refused too.
     *
     * @param available the version Socket Lab provides
     * @return the reason, naming both versions; empty when the plugin can be loaded
     */
    public Optional<String> incompatibilityWith(ApiVersion available) {
        if (major != available.major) {
            return Optional.of("built for lab-api " + this + ", but this Socket Lab provides lab-api " + available
                    + ": the major versions must match; rebuild the plugin against lab-api " + available);
        }
        if (minor > available.minor) {
            return Optional.of("built for lab-api " + this + ", newer than the lab-api " + available
                    + " of this Socket Lab: upgrade Socket Lab, or rebuild the plugin against lab-api " + available);
        }
        return Optional.empty();
    }

    /** @return {@code MAJOR.MINOR} */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
