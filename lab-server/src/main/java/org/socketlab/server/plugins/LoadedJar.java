package org.socketlab.server.plugins;

import java.util.Objects;

/**
 * One version of a plugin jar as loaded: what the catalogue shows of it, which version of the file it came
 * from, and the class loader its cases live in.
 *
 * @param jar    its cases, failures and warnings
 * @param stamp  the version of the file it was loaded from
 * @param loader the class loader of its cases; {@code null} when no case loaded
 */
record LoadedJar(PluginJar jar, FileStamp stamp, PluginClassLoader loader) {
    LoadedJar {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(stamp, "stamp");
    }

    static LoadedJar failed(String file, FileStamp stamp, String reason) {
        return new LoadedJar(PluginJar.failed(file, reason), stamp, null);
    }

    /** Takes its cases out of service: the class loader closes once the runs under way have ended. */
    void retire() {
        if (loader != null) {
            loader.retire();
        }
    }
}
