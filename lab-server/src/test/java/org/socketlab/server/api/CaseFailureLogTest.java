package org.socketlab.server.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;
import org.socketlab.engine.CaseFailure;
import org.socketlab.engine.Engine;
import org.socketlab.engine.RunHandle;
import org.socketlab.engine.RunSettings;
import org.socketlab.server.plugins.RegisteredCase;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CaseFailureLogTest {

    /** Throws from a line of its own, so that the log can be seen to name it first. */
    public static final class ThrowingCase implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("throwing").title("T").summary("Throws.").source("tests").build();
        }

        @Override
        public void run(RunContext context) {
            String missing = System.getProperty("socketlab.no.such.property");
            context.note("length " + missing.length());
        }
    }

    @Test
    void a_failed_run_is_logged_with_its_message_and_the_case_frames_first() {
        LabCase labCase = new ThrowingCase();
        RegisteredCase registered = new RegisteredCase(labCase.info(), List.of(), labCase, RegisteredCase.BUILT_IN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CaseFailure[] failure = new CaseFailure[1];

        Engine.run(labCase, Map.of(), RunSettings.defaults(), new RunHandle(), f -> failure[0] = f);
        CaseFailureLog.write(log, registered, "run-1", failure[0]);

        String written = bytes.toString(StandardCharsets.UTF_8);
        String first = "socketlab: run run-1 of case throwing (built-in) ended with an error: NullPointerException: ";
        assertTrue(written.startsWith(first), written);
        String caseFrame = "\n    at org.socketlab.server.api.CaseFailureLogTest$ThrowingCase.run(CaseFailureLogTest.java:";
        assertTrue(written.contains(caseFrame), written);
        assertTrue(written.indexOf(caseFrame) < written.indexOf("full stack trace:"), written);
    }
}
