package org.socketlab.engine;

import java.util.List;
import java.util.Map;

import org.socketlab.api.Actor;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.Task;

/**
 * What the engine needs from the contract's own classes, whose constructors a plugin must not call and which
 * are therefore not public: the contract package installs its implementation once, when the engine first
 * asks (the way the JDK's shared secrets work). Only host code sees this package: a plugin's class loader
 * does not offer it.
 */
public abstract class ContractAccess {
    private static final String IMPLEMENTATION = "org.socketlab.api.EngineAccess";
    private static volatile ContractAccess installed;

    /** For the contract package's implementation only. */
    protected ContractAccess() {
    }

    /**
     * Called once, by the contract package's implementation as it is initialized.
     *
     * @param access the implementation
     * @throws IllegalStateException if one is installed already
     */
    public static synchronized void install(ContractAccess access) {
        if (installed != null) {
            throw new IllegalStateException("the contract's access is installed already");
        }
        installed = access;
    }

    static ContractAccess get() {
        ContractAccess access = installed;
        if (access != null) {
            return access;
        }
        try {
            // Initializing the implementation installs it.
            Class.forName(IMPLEMENTATION, true, ContractAccess.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("lab-api is incomplete: " + IMPLEMENTATION + " is missing", e);
        }
        return installed;
    }

    /**
     * @param name    the actor's name
     * @param context the run it belongs to
     * @return a new actor
     */
    protected abstract Actor newActor(String name, RecordingContext context);

    /**
     * @param work the task's thread and result
     * @param <T>  the type of its value
     * @return the case's view of it
     */
    protected abstract <T> Task<T> newTask(TaskThread<T> work);

    /**
     * @param specs the case's parameters
     * @param given the caller's values by name, or {@code null}
     * @return every parameter's value, checked
     */
    protected abstract Params newParams(List<ParamSpec> specs, Map<String, ?> given);
}
