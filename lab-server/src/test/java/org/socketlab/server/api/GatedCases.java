package org.socketlab.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.LabCase;
import org.socketlab.api.Params;
import org.socketlab.api.RunContext;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.server.plugins.CaseDiscovery;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.RegisteredCase;

/** Cases whose runs a test holds and lets go, for the runs API's tests. */
final class GatedCases {
    /** Prints, waits until the test releases its run, prints again, passes. */
    static final String HELD = "test-held";
    /** Prints four lines and passes at once. */
    static final String QUICK = "test-quick";
    /** A client connected to a server that never says anything: it waits in recv until cancelled. */
    static final String SILENT_PEER = "test-silent-peer";

    /** Its own validate() refuses every run. */
    static final String PICKY = "test-picky";

    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    CaseRegistry registry() {
        List<RegisteredCase> cases = new ArrayList<>();
        cases.add(CaseDiscovery.describe(new Held(), RegisteredCase.BUILT_IN));
        cases.add(CaseDiscovery.describe(new Quick(), RegisteredCase.BUILT_IN));
        cases.add(CaseDiscovery.describe(new SilentPeer(), RegisteredCase.BUILT_IN));
        cases.add(CaseDiscovery.describe(new Picky(), RegisteredCase.BUILT_IN));
        return new CaseRegistry(cases);
    }

    void release(String runId) {
        gate(runId).countDown();
    }

    void releaseAll() {
        gates.values().forEach(CountDownLatch::countDown);
    }

    private CountDownLatch gate(String runId) {
        return gates.computeIfAbsent(runId, id -> new CountDownLatch(1));
    }

    private static CaseInfo info(String id) {
        return CaseInfo.builder(id).title(id).summary("A case of the runs API's tests.").source("tests").build();
    }

    private final class Held implements LabCase {
        @Override
        public CaseInfo info() {
            return GatedCases.info(HELD);
        }

        @Override
        public void run(RunContext context) throws Exception {
            Actor actor = context.actor("Waiter");
            actor.print("before the gate");
            gate(context.runId()).await();
            actor.print("after the gate");
            context.check("went through the gate", true, null, null);
        }
    }

    private static final class Quick implements LabCase {
        @Override
        public CaseInfo info() {
            return GatedCases.info(QUICK);
        }

        @Override
        public void run(RunContext context) {
            Actor actor = context.actor("Printer");
            for (int i = 1; i <= 4; i++) {
                actor.print("line " + i);
            }
            context.check("printed", true, null, null);
        }
    }

    private static final class SilentPeer implements LabCase {
        @Override
        public CaseInfo info() {
            return GatedCases.info(SILENT_PEER);
        }

        @Override
        public void run(RunContext context) throws Exception {
            try (TcpListener listener = context.actor("Server").listen();
                 TcpConnection client = context.actor("Client").connect("127.0.0.1", listener.port());
                 TcpConnection accepted = listener.accept()) {
                client.recv(100);
            }
        }
    }

    private static final class Picky implements LabCase {
        @Override
        public CaseInfo info() {
            return GatedCases.info(PICKY);
        }

        @Override
        public void validate(Params params) throws InvalidParamException {
            throw new InvalidParamException("mood", "the case is not in the mood");
        }

        @Override
        public void run(RunContext context) {
            context.actor("Picky").print("never printed");
        }
    }
}
