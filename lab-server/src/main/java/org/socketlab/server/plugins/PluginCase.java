package org.socketlab.server.plugins;

import java.time.Duration;
import java.util.List;

import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.RunContext;

/**
 * A plugin's case as Socket Lab runs it. It answers {@link #info()} and {@link #params()} from what was read
 * when the jar was loaded (a plugin's own methods are not trusted to be cheap or stable); it keeps the plugin's
 * class loader open while a run uses it; and it makes that loader the thread's context class loader during the
 * run, so that libraries shaded into the plugin which look classes up through it find their own.
 */
final class PluginCase implements LabCase {
    private final LabCase delegate;
    private final CaseInfo info;
    private final List<ParamSpec> params;
    private final String origin;
    private final PluginClassLoader loader;
    private final PluginHealth health;

    private PluginCase(RegisteredCase found, PluginClassLoader loader, PluginHealth health) {
        this.delegate = found.labCase();
        this.info = found.info();
        this.params = found.params();
        this.origin = found.origin();
        this.loader = loader;
        this.health = health;
    }

    /**
     * @param found  a case as discovered in a plugin jar
     * @param loader the class loader of that jar
     * @param health the record of that jar's runs, shared by its cases
     * @return the same case, run through a {@link PluginCase}
     */
    static RegisteredCase of(RegisteredCase found, PluginClassLoader loader, PluginHealth health) {
        return new RegisteredCase(found.info(), found.params(), new PluginCase(found, loader, health), found.origin());
    }

    /** @return the record of its jar's runs */
    PluginHealth health() {
        return health;
    }

    /** @return the class loader of the jar it comes from */
    PluginClassLoader loader() {
        return loader;
    }

    @Override
    public CaseInfo info() {
        return info;
    }

    @Override
    public List<ParamSpec> params() {
        return params;
    }

    @Override
    public void validate(Params values) {
        try {
            within(() -> delegate.validate(values));
        } catch (RuntimeException e) {
            throw e;
        } catch (LinkageError e) {
            // The runner reports a RuntimeException from validate() as the run's error; an Error would escape it.
            throw new IllegalStateException("plugin " + origin + " could not check the parameters: " + e, e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Duration timeLimit(Params values, Duration standard) {
        try {
            return delegate.timeLimit(values, standard);
        } catch (LinkageError e) {
            // The runner keeps the standard limit when timeLimit fails; an Error would escape it.
            throw new IllegalStateException("plugin " + origin + " could not give its time limit: " + e, e);
        }
    }

    @Override
    public void run(RunContext context) throws Exception {
        if (health.quarantined()) {
            throw new IllegalStateException("plugin " + origin + " is quarantined: " + health.leakingRuns()
                    + " of its runs left threads running after they ended; fix it and replace the jar");
        }
        LeakCheck leaks = new LeakCheck(context.remaining());
        health.watch(leaks);
        try {
            within(() -> delegate.run(context));
        } finally {
            leaks.runEnded();
        }
    }

    private void within(Body body) throws Exception {
        if (!loader.enter()) {
            throw new IllegalStateException("plugin " + origin + " was replaced or removed just as this run started; "
                    + "run the case again");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            body.run();
        } finally {
            thread.setContextClassLoader(previous);
            loader.exit();
        }
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    @Override
    public String toString() {
        return delegate.getClass().getName() + " from " + origin;
    }
}
