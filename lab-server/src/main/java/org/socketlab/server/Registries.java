package org.socketlab.server;

import java.io.PrintStream;

import org.socketlab.server.cli.Command;
import org.socketlab.server.cli.Selection;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.PluginFolder;
import org.socketlab.server.plugins.PluginWatcher;

/** Builds the case registry a command works with: the built-in cases plus the jars of the plugins folder. */
final class Registries {
    private Registries() {
    }

    /**
     * For {@code list} and {@code run}: the built-in cases and the plugins folder as it is now.
     *
     * @param config where the plugins folder is
     * @param err    where to report each plugin jar's status
     * @return the registry
     */
    static CaseRegistry load(ServerConfig config, PrintStream err) {
        return PluginFolder.load(config.pluginsDir(), CaseRegistry.ofBuiltIns(err), err).registry();
    }

    /**
     * For {@code run}: as {@link #load}, but a run of named cases only (no {@code --tag}, no {@code --all})
     * loads just those of the built-in cases when it can, which is most of a short run's set-up on a cold JVM.
     *
     * @param run the command
     * @param err where to report each plugin jar's status
     * @return the registry
     */
    static CaseRegistry forRun(Command.Run run, PrintStream err) {
        Selection selection = run.selection();
        if (selection.all() || !selection.tags().isEmpty() || selection.caseIds().isEmpty()) {
            return load(run.config(), err);
        }
        return PluginFolder.load(run.config().pluginsDir(), CaseRegistry.ofBuiltIns(err, selection.caseIds()), err)
                .registry();
    }

    /**
     * For {@code serve}: the same, kept up to date with the plugins folder until the watcher is closed.
     *
     * @param config where the plugins folder is
     * @param err    where to report each plugin jar's status, now and whenever it changes
     * @return the running watcher; its {@link PluginWatcher#registry()} is the registry
     */
    static PluginWatcher watch(ServerConfig config, PrintStream err) {
        PluginFolder folder = PluginFolder.load(config.pluginsDir(), CaseRegistry.ofBuiltIns(err), err);
        return PluginWatcher.start(folder, err);
    }
}
