package org.socketlab.api;

import java.util.List;
import java.util.Map;

import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

/** A case made of a lambda, so that each test shows its whole scenario inline. */
record Inline(List<ParamSpec> params, Body body) implements LabCase {
    @FunctionalInterface
    interface Body {
        void run(RunContext context) throws Exception;
    }

    Inline(Body body) {
        this(List.of(), body);
    }

    @Override
    public CaseInfo info() {
        return CaseInfo.builder("inline-case").title("Inline").summary("A test case.").source("lab-api tests").build();
    }

    @Override
    public void run(RunContext context) throws Exception {
        body.run(context);
    }

    static Transcript run(Body body) {
        return CaseRunner.run(new Inline(body), Map.of());
    }

    static List<TranscriptEvent> events(Transcript transcript, String actor, EventKind kind) {
        return transcript.events().stream().filter(e -> e.actor().equals(actor) && e.kind() == kind).toList();
    }

    static List<String> texts(Transcript transcript, String actor, EventKind kind) {
        return events(transcript, actor, kind).stream().map(TranscriptEvent::text).toList();
    }
}
