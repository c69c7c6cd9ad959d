package org.socketlab.api;

import java.util.List;
import java.util.Map;

import org.socketlab.engine.ContractAccess;
import org.socketlab.engine.RecordingContext;
import org.socketlab.engine.TaskThread;

/** Lets the engine create the contract's objects, whose constructors are not public (see ContractAccess). */
final class EngineAccess extends ContractAccess {
    static {
        ContractAccess.install(new EngineAccess());
    }

    private EngineAccess() {
    }

    @Override
    protected Actor newActor(String name, RecordingContext context) {
        return new Actor(name, context);
    }

    @Override
    protected <T> Task<T> newTask(TaskThread<T> work) {
        return new Task<>(work);
    }

    @Override
    protected Params newParams(List<ParamSpec> specs, Map<String, ?> given) {
        return Params.of(specs, given);
    }
}
