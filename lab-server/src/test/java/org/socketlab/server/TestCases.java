package org.socketlab.server;

import java.util.ArrayList;
import java.util.List;

import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;
import org.socketlab.server.plugins.CaseDiscovery;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.RegisteredCase;

/** Cases that misbehave on purpose, for the server's tests, and a registry holding them beside the built-ins. */
public final class TestCases {
    private TestCases() {
    }

    /** @return the built-in cases plus {@code test-hangs} and {@code test-throws} */
    public static CaseRegistry registryWithMisbehavingCases() {
        List<RegisteredCase> cases = new ArrayList<>(CaseRegistry.ofBuiltIns().catalogue().cases());
        cases.add(CaseDiscovery.describe(new Hangs(), RegisteredCase.BUILT_IN));
        cases.add(CaseDiscovery.describe(new Throws(), RegisteredCase.BUILT_IN));
        return new CaseRegistry(cases);
    }

    /** Never returns on its own: only the time limit ends it. */
    public static final class Hangs implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("test-hangs").title("Hangs").summary("Waits forever.").source("tests").build();
        }

        @Override
        public void run(RunContext context) throws Exception {
            context.actor("Sleeper").print("going to sleep");
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }

    /** Throws at once. */
    public static final class Throws implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("test-throws").title("Throws").summary("Fails at once.").source("tests").build();
        }

        @Override
        public void run(RunContext context) {
            throw new IllegalStateException("the case broke on purpose");
        }
    }
}
